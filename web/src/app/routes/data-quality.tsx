import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { RequirePermission } from '../../components/route-guards';
import { paths } from '../../config/paths';
import { DataQualityCentre } from '../../features/data-quality/components/data-quality-centre';

export function DataQualityRoute() {
  const { t } = useTranslation();
  return (
    <RequirePermission module="customers" action="manage">
      <PageHeader title={t('dataQuality.title')} description={t('dataQuality.description')} />
      <DataQualityCentre customerHref={(id) => paths.customers.detail.getHref(id)} />
    </RequirePermission>
  );
}
