import type { TPeriodicJob } from '@guanxi/common/jobs';
import { Card, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { useFormatDate } from '../../../lib/format';
import { usePeriodicJobs } from '../api/get-periodic-jobs';

const STATUS_COLOR = { running: 'processing', succeeded: 'success', failed: 'error' } as const;
const KNOWN = ['pool-sweep', 'completeness-recompute', 'email-outbox', 'task-reminders', 'task-series', 'followup-sop', 'imports', 'exports', 'planner-statistics', 'data-quality-nightly'] as const;
const isKnown = (v: string): v is (typeof KNOWN)[number] => (KNOWN as readonly string[]).includes(v);

/** "Every 60 minutes" from a period in milliseconds. */
function useEvery() {
  const { t } = useTranslation();
  return (ms: number | null) => {
    if (!ms) return t('common.empty');
    if (ms % 3_600_000 === 0) return t('jobs.everyHours', { count: ms / 3_600_000 });
    if (ms % 60_000 === 0) return t('jobs.everyMinutes', { count: ms / 60_000 });
    return t('jobs.everySeconds', { count: Math.round(ms / 1000) });
  };
}

/** Periodic (scheduled) jobs: each runs once per period across every app process. */
export function PeriodicJobsCard() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const every = useEvery();
  const { data, isPending, error, refetch } = usePeriodicJobs();
  const columns: NonNullable<TableProps<TPeriodicJob>['columns']> = [
    {
      title: t('jobs.name'),
      dataIndex: 'name',
      render: (v: string) => (isKnown(v) ? `${t(`jobs.periodicNames.${v}`)} (${v})` : v),
    },
    { title: t('jobs.every'), dataIndex: 'everyMs', width: 140, render: (v: number | null) => every(v) },
    { title: t('jobs.lastRun'), dataIndex: 'lastStartedAt', width: 180, render: (v: string | null) => formatDate(v) },
    { title: t('jobs.lastFinished'), dataIndex: 'lastFinishedAt', width: 180, render: (v: string | null) => formatDate(v) },
    {
      title: t('jobs.lastStatus'),
      dataIndex: 'lastStatus',
      width: 120,
      render: (s: TPeriodicJob['lastStatus']) => (s ? <Tag color={STATUS_COLOR[s]}>{t(`jobs.periodicStatus.${s}`)}</Tag> : t('jobs.neverRan')),
    },
  ];
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Card title={t('jobs.periodic')} style={{ marginBottom: 16 }}>
      <Table<TPeriodicJob> rowKey="name" size="small" columns={columns} dataSource={data?.items} loading={isPending} pagination={false} scroll={{ x: 800 }} />
    </Card>
  );
}
