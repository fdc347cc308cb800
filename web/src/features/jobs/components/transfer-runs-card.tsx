import { DownloadOutlined } from '@ant-design/icons';
import { TRANSFER_KINDS, type TTransferRun } from '@guanxi/common/jobs';
import { Button, Card, Empty, Flex, Progress, Segmented, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { paths } from '../../../config/paths';
import { useCan } from '../../../lib/authorization';
import { useFormatDate } from '../../../lib/format';
import { transferDownloadUrl, useTransferRuns } from '../api/get-transfer-runs';

const STATUS_COLOR: Record<string, string> = {
  uploaded: 'default', queued: 'processing', running: 'processing', done: 'success', failed: 'error', cancelled: 'warning',
};

/**
 * 导入与导出: every import and export of the company with its state and progress. They run on their own leased
 * runners, not as queue jobs, so they have their own card; cancel and the error report are on the import page.
 */
export function TransferRunsCard() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const can = useCan();
  const [kind, setKind] = useState<TTransferRun['kind'] | 'all'>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const { data, isPending, error, refetch } = useTransferRuns({ ...paging, kind: kind === 'all' ? undefined : kind });

  const columns: NonNullable<TableProps<TTransferRun>['columns']> = [
    {
      title: t('jobs.transfers.what'),
      key: 'what',
      width: 150,
      render: (_, r) => (
        <Flex gap={4} align="center">
          <Tag color={r.kind === 'import' ? 'blue' : 'purple'}>{t(`jobs.transfers.kinds.${r.kind}`)}</Tag>
          <span>{t(`jobs.transfers.types.${r.type}`, { defaultValue: r.type })}</span>
        </Flex>
      ),
    },
    {
      title: t('jobs.transfers.file'),
      dataIndex: 'fileName',
      width: 240,
      ellipsis: true,
      render: (v: string, r) => (
        <span title={v}>
          {v} <Typography.Text type="secondary">({r.format})</Typography.Text>
        </span>
      ),
    },
    {
      title: t('jobs.state'),
      key: 'status',
      width: 180,
      render: (_, r) => {
        const label = t(`jobs.transfers.statuses.${r.status}`, { defaultValue: r.status });
        if (r.status === 'running' && r.total) {
          return (
            <Flex vertical>
              <Progress percent={Math.min(100, Math.round((r.processed / r.total) * 100))} size="small" style={{ width: 160 }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('jobs.transfers.rows', { done: r.processed, total: r.total })}</Typography.Text>
            </Flex>
          );
        }
        return <Tag color={STATUS_COLOR[r.status] ?? 'default'}>{label}</Tag>;
      },
    },
    { title: t('jobs.transfers.by'), dataIndex: 'createdByName', width: 100, render: (v: string | null) => v ?? 'CLI' },
    {
      title: t('jobs.transfers.when'),
      key: 'when',
      width: 180,
      render: (_, r) => (
        <Flex vertical>
          <span>{formatDate(r.createdAt)}</span>
          {r.finishedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('jobs.transfers.finished', { time: formatDate(r.finishedAt) })}</Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('jobs.transfers.outcome'),
      key: 'outcome',
      width: 170,
      render: (_, r) => {
        if (r.error) {
          const reason = r.kind === 'import' ? t(`imports.failureReasons.${r.error}`, { defaultValue: r.error }) : r.error;
          return <Typography.Text type="danger" ellipsis={{ tooltip: reason }} style={{ maxWidth: 150 }}>{reason}</Typography.Text>;
        }
        if (r.status === 'done' || r.status === 'cancelled') return t('jobs.transfers.rowsDone', { count: r.processed });
        return t('common.empty');
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 124,
      fixed: 'right',
      render: (_, r) => {
        if (r.kind === 'import' && can('customers', 'import')) {
          return <Link to={paths.imports.getHref(r.id)}>{t('jobs.transfers.open')}</Link>;
        }
        if (r.kind === 'export' && r.status === 'done') {
          return <Button size="small" icon={<DownloadOutlined />} href={transferDownloadUrl(r.id)}>{t('jobs.transfers.download')}</Button>;
        }
        return null;
      },
    },
  ];

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Card title={t('jobs.transfers.title')} styles={{ body: { paddingTop: 16 } }}
      extra={
        <Segmented value={kind} onChange={(v) => { setKind(v as typeof kind); setPaging((p) => ({ ...p, page: 1 })); }}
          options={[{ value: 'all', label: t('jobs.transfers.all') }, ...TRANSFER_KINDS.map((k) => ({ value: k, label: t(`jobs.transfers.kinds.${k}`) }))]} />
      }>
      <Table<TTransferRun>
        rowKey={(r) => `${r.kind}:${r.id}`}
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isPending}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('jobs.transfers.empty')} /> }}
        onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 10 })}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { count: total }) }}
        scroll={{ x: 1114 }}
      />
    </Card>
  );
}
