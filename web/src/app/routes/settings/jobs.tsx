import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/route-guards';
import { EmailOutboxCard } from '../../../features/jobs/components/email-outbox-card';
import { JobsTable } from '../../../features/jobs/components/jobs-table';
import { PeriodicJobsCard } from '../../../features/jobs/components/periodic-jobs-card';
import { TransferRunsCard } from '../../../features/jobs/components/transfer-runs-card';

function JobsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('jobs.title')} description={t('jobs.description')} />
      <PeriodicJobsCard />
      <JobsTable />
      <div style={{ height: 16 }} />
      <TransferRunsCard />
      <div style={{ height: 16 }} />
      <EmailOutboxCard />
    </>
  );
}

/** 后台任务: administrators only ("settings: manage", as the API requires). */
export function JobsRoute() {
  return (
    <RequirePermission module="settings" action="manage">
      <JobsPage />
    </RequirePermission>
  );
}
