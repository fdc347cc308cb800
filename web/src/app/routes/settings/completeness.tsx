import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/route-guards';
import { WeightsForm } from '../../../features/completeness/components/weights-form';

export function CompletenessRoute() {
  const { t } = useTranslation();
  return (
    <RequirePermission module="settings" action="manage">
      <PageHeader title={t('completenessAdmin.title')} description={t('completenessAdmin.description')} />
      <WeightsForm />
    </RequirePermission>
  );
}
