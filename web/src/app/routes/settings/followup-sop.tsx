import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/route-guards';
import { SopSettingsForm } from '../../../features/activities/components/sop-settings-form';

export function FollowupSopRoute() {
  const { t } = useTranslation();
  return (
    <RequirePermission module="settings" action="manage">
      <PageHeader title={t('activities.sop.title')} description={t('activities.sop.description')} />
      <SopSettingsForm />
    </RequirePermission>
  );
}
