import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/route-guards';
import { FieldsAdmin } from '../../../features/custom-fields/components/fields-admin';

export function FieldsRoute() {
  const { t } = useTranslation();
  return (
    <RequirePermission module="settings" action="manage">
      <PageHeader title={t('fieldsAdmin.title')} description={t('fieldsAdmin.description')} />
      <FieldsAdmin />
    </RequirePermission>
  );
}
