import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/route-guards';
import { RecycleBinTable } from '../../../features/customers/components/recycle-bin-table';

export function RecycleBinRoute() {
  const { t } = useTranslation();
  return (
    <RequirePermission module="customers" action="delete">
      <PageHeader title={t('recycleBin.title')} description={t('recycleBin.description')} />
      <RecycleBinTable />
    </RequirePermission>
  );
}
