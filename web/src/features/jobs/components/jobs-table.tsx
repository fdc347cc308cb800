import { JOB_STATES, type TJob, type TJobState } from '@guanxi/common/jobs';
import { App, Button, Card, Empty, Flex, Input, Popconfirm, Progress, Select, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { isApiError } from '../../../lib/api-client';
import { useFormatDate } from '../../../lib/format';
import { useJobs } from '../api/get-jobs';
import { useCancelJob, usePingWorkers, useRetryJob } from '../api/job-actions';
import { JobStateTag } from './job-state-tag';

/** `{ done, total }` progress as a percentage, when the job reports it that way. */
function percentOf(progress: TJob['progress']): number | null {
  const done = Number(progress?.done);
  const total = Number(progress?.total);
  return Number.isFinite(done) && Number.isFinite(total) && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
}

/** The background jobs of the account (and system jobs by name and state), filterable, with retry and cancel. */
export function JobsTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDate = useFormatDate();
  const [state, setState] = useState<TJobState | undefined>();
  const [name, setName] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, isPending, isFetching, error, refetch } = useJobs({ ...paging, state, name });
  const retry = useRetryJob();
  const cancel = useCancelJob();
  const ping = usePingWorkers();
  const fail = (err: unknown) => void message.error(isApiError(err) ? (err.details[0]?.message ?? err.message) : t('errors.unexpectedClient'));

  const columns: NonNullable<TableProps<TJob>['columns']> = [
    {
      title: t('jobs.name'),
      dataIndex: 'name',
      render: (v: string, job) => (
        <Space size={4}>
          <Typography.Text code>{v}</Typography.Text>
          {job.system ? <Tag>{t('jobs.system')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('jobs.state'), dataIndex: 'state', width: 110, render: (s: TJobState) => <JobStateTag state={s} /> },
    {
      title: t('jobs.attempts'),
      key: 'attempts',
      width: 104,
      render: (_, job) => t('jobs.attemptsOf', { attempts: job.attempts, max: job.retryLimit + 1 }),
    },
    {
      title: t('jobs.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string, job) => (
        <Flex vertical>
          <span>{formatDate(v)}</span>
          {job.runAt > v && job.state === 'queued' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('jobs.runAtShort', { time: formatDate(job.runAt) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('jobs.finishedAt'), dataIndex: 'finishedAt', width: 160, render: (v: string | null) => formatDate(v) },
    {
      title: t('jobs.details'),
      key: 'details',
      render: (_, job) => {
        if (job.lastError) {
          return (
            <Typography.Text type={job.state === 'failed' ? 'danger' : 'warning'} ellipsis={{ tooltip: job.lastError }} style={{ maxWidth: 300 }}>
              {job.lastError}
            </Typography.Text>
          );
        }
        const percent = percentOf(job.progress);
        if (job.state === 'active' && percent !== null) return <Progress percent={percent} size="small" style={{ width: 160 }} />;
        if (job.result !== null && job.result !== undefined) {
          const text = JSON.stringify(job.result);
          return (
            <Tooltip title={text}>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 300 }}>
                {text}
              </Typography.Text>
            </Tooltip>
          );
        }
        return t('common.empty');
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, job) => {
        if (job.system) return null;
        if (job.state === 'failed' || job.state === 'cancelled') {
          return (
            <Button size="small" loading={retry.isPending && retry.variables === job.id}
              onClick={() => retry.mutate(job.id, { onSuccess: () => void message.success(t('jobs.retried')), onError: fail })}>
              {t('jobs.retry')}
            </Button>
          );
        }
        if (job.state === 'queued') {
          return (
            <Popconfirm title={t('jobs.cancelConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')}
              onConfirm={() => cancel.mutateAsync(job.id).then(() => void message.success(t('jobs.cancelled')), fail)}>
              <Button size="small" danger>{t('jobs.cancel')}</Button>
            </Popconfirm>
          );
        }
        return null;
      },
    },
  ];

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Card title={t('jobs.queued')} styles={{ body: { paddingTop: 16 } }}
      extra={
        <Button loading={ping.isPending} onClick={() => ping.mutate(undefined, { onSuccess: () => void message.success(t('jobs.pinged')), onError: fail })}>
          {t('jobs.ping')}
        </Button>
      }>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select<TJobState>
          allowClear
          value={state}
          onChange={(next) => {
            setState(next);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          placeholder={t('jobs.allStates')}
          options={JOB_STATES.map((s) => ({ value: s, label: t(`jobs.states.${s}`) }))}
          style={{ width: 160 }}
          aria-label={t('jobs.state')}
        />
        <Input.Search
          allowClear
          placeholder={t('jobs.nameFilter')}
          onSearch={(v) => {
            setName(v.trim() || undefined);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 240 }}
          aria-label={t('jobs.name')}
        />
      </Flex>
      <Table<TJob>
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isPending || (isFetching && !data)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('jobs.empty')} /> }}
        onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        scroll={{ x: 1000 }}
      />
    </Card>
  );
}
