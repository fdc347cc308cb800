import { CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/route-guards';
import { paths } from '../../../config/paths';
import { CustomerFormDrawer } from '../../../features/customers/components/customer-form-drawer';
import { CustomersList } from '../../../features/customers/components/customers-list';
import { UserSelect } from '../../../features/users/components/user-select';
import { ExportButton } from '../../../features/imports/components/export-button';
import { useCan } from '../../../lib/authorization';

function CustomersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [drawer, setDrawer] = useState({ open: false, key: 0 });
  const openCreate = () => setDrawer((d) => ({ open: true, key: d.key + 1 }));
  const canCreate = can('customers', 'create');

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        extra={
          <>
            {can('customers', 'import') ? (
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate(paths.imports.getHref())}>
                {t('imports.openWizard')}
              </Button>
            ) : null}
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
                {t('customers.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <CustomersList
        userSelect={<UserSelect />}
        onCreate={canCreate ? openCreate : undefined}
        exportButton={can('customers', 'export') ? (p) => <ExportButton params={{ type: 'customers', ...p }} /> : undefined}
      />
      <CustomerFormDrawer
        key={drawer.key}
        open={drawer.open}
        customerId={null}
        userSelect={<UserSelect />}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        onSaved={(c) => navigate(paths.customers.detail.getHref(c.id))}
      />
    </>
  );
}

export function CustomersRoute() {
  return (
    <RequirePermission module="customers" action="view">
      <CustomersPage />
    </RequirePermission>
  );
}
