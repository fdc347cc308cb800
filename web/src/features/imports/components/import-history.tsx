import { DownloadOutlined } from '@ant-design/icons';
import type { TImport } from '@guanxi/common/imports';
import { Button, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { importErrorsUrl, useImports } from '../api/get-imports';

const STATUS_COLOR: Record<TImport['status'], string> = {
  uploaded: 'default', queued: 'processing', running: 'processing', done: 'success', failed: 'error', cancelled: 'warning',
};

/** The company's imports (within the user's data scope), newest first, with counts and error reports. */
export function ImportHistory({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, isPending, error, refetch } = useImports(paging);
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const columns: TableProps<TImport>['columns'] = [
    { title: t('imports.history.file'), dataIndex: 'fileName', ellipsis: true },
    { title: t('imports.type'), dataIndex: 'type', width: 170, render: (v: TImport['type']) => t(`imports.types.${v}`) },
    { title: t('imports.history.status'), dataIndex: 'status', width: 110, render: (s: TImport['status']) => <Tag color={STATUS_COLOR[s]}>{t(`imports.statuses.${s}`)}</Tag> },
    {
      title: t('imports.history.counts'),
      render: (_, r) => (
        <Typography.Text>
          {t('imports.history.countsText', { created: r.created, updated: r.updated, skipped: r.skipped, failed: r.failed })}
          {r.total !== null && r.processed < r.total ? ` (${r.processed}/${r.total})` : ''}
        </Typography.Text>
      ),
    },
    { title: t('imports.history.by'), dataIndex: 'createdByName', width: 120, render: (v: string | null) => v ?? 'CLI' },
    { title: t('imports.history.at'), dataIndex: 'createdAt', width: 170, render: (v: string) => new Date(v).toLocaleString(i18n.language) },
    {
      title: '',
      width: 200,
      render: (_, r) => (
        <Space>
          <Button size="small" onClick={() => onOpen(r.id)}>{t('imports.history.view')}</Button>
          {r.failed ? <Button size="small" icon={<DownloadOutlined />} href={importErrorsUrl(r.id)}>{t('imports.downloadErrors')}</Button> : null}
        </Space>
      ),
    },
  ];
  return (
    <Table
      rowKey="id"
      loading={isPending}
      columns={columns}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('imports.history.empty') }}
      pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
    />
  );
}
