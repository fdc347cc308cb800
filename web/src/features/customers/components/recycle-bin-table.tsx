import { DeleteOutlined, RollbackOutlined } from '@ant-design/icons';
import type { TCustomer } from '@guanxi/common/customers';
import { App, Button, Card, Empty, Flex, Input, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { useDictionaryLabel } from '../../../lib/dictionaries';
import { useFormatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCustomers } from '../api/get-customers';
import { usePurgeCustomer } from '../api/purge-customer';
import { useRestoreCustomer } from '../api/restore-customer';

/** 回收站: deleted customers with restore (customers: delete) and purge (administrators). */
export function RecycleBinTable() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const can = useCan();
  const date = useFormatDate();
  const dict = useDictionaryLabel();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const { data, isPending, isFetching, error, refetch } = useCustomers({ ...paging, q: q || undefined, deleted: 'true', sort: '-updatedAt' });
  const restore = useRestoreCustomer();
  const purge = usePurgeCustomer();

  const onRestore = (c: TCustomer) =>
    restore.mutate(c.id, { onSuccess: () => notifySuccess(t('recycleBin.restored', { name: c.name })), onError: notifyError });
  const onPurge = (c: TCustomer) =>
    modal.confirm({
      title: t('recycleBin.purgeConfirm', { name: c.name }),
      okText: t('recycleBin.purge'),
      okButtonProps: { danger: true },
      onOk: () => purge.mutateAsync(c.id).then(() => notifySuccess(t('recycleBin.purged')), notifyError),
    });

  const columns: TableProps<TCustomer>['columns'] = [
    {
      title: t('customers.fields.name'),
      key: 'name',
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.number}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('customers.fields.industry'), key: 'industry', width: 180, ellipsis: true, render: (_, c) => dict('industry', c.industry) },
    { title: t('customers.fields.ownerName'), key: 'owner', width: 120, render: (_, c) => c.ownerName ?? '—' },
    { title: t('recycleBin.deletedAt'), key: 'deletedAt', width: 170, render: (_, c) => date(c.deletedAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, c) => (
        <Flex gap={4}>
          <Button size="small" icon={<RollbackOutlined />} onClick={() => onRestore(c)}>
            {t('recycleBin.restore')}
          </Button>
          {can('settings', 'manage') ? (
            <Button size="small" danger icon={<DeleteOutlined />} onClick={() => onPurge(c)}>
              {t('recycleBin.purge')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Card styles={{ body: { paddingTop: 16 } }}>
      <Input.Search
        allowClear
        placeholder={t('customers.searchPlaceholder')}
        onSearch={(value) => {
          setQ(value.trim());
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        style={{ width: 320, marginBottom: 16 }}
      />
      <Table<TCustomer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isPending || isFetching}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recycleBin.empty')} /> }}
        onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, showTotal: (total) => t('common.total', { count: total }) }}
      />
    </Card>
  );
}
