import { UserAddOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { TBulkResult, TCustomer } from '@guanxi/common/customers';
import type { TPool } from '@guanxi/common/pools';
import { Button, Empty, Flex, Form, Input, Modal, Table, Tag, Typography, type TableProps } from 'antd';
import { cloneElement, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { paths } from '../../../config/paths';
import { useCan } from '../../../lib/authorization';
import { useDictionaryLabel } from '../../../lib/dictionaries';
import { useFormatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useAssignCustomers } from '../api/assign-customers';
import { useClaimCustomers } from '../api/claim-customers';
import { usePoolCustomers } from '../api/get-pool-customers';
import { ClaimResultModal } from './claim-result-modal';

type PoolCustomersTableProps = { pool: TPool; isAdmin: boolean; userSelect: ReactElement; renderUser: (id: string) => ReactNode };

/** The customers of one pool: claim one or several (within the rules), and assign them (pool admins). */
export function PoolCustomersTable({ pool, isAdmin, userSelect, renderUser }: PoolCustomersTableProps) {
  const { t } = useTranslation();
  const can = useCan();
  const dict = useDictionaryLabel();
  const date = useFormatDate();
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState<string[] | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [result, setResult] = useState<{ res: TBulkResult; names: Map<string, string> } | null>(null);
  const { data, isPending, isFetching, error, refetch } = usePoolCustomers({ poolId: pool.id, ...paging, q: q || undefined, sort: '-updatedAt' });
  const claim = useClaimCustomers();
  const assign = useAssignCustomers();
  const names = new Map((data?.items ?? []).map((c) => [c.id, c.name]));

  const finish = (res: TBulkResult, message: string) => {
    setSelected([]);
    if (res.failed.length) setResult({ res, names });
    else notifySuccess(message);
  };
  const onClaim = (ids: string[]) =>
    claim.mutate({ poolId: pool.id, ids }, { onSuccess: (res) => finish(res, t('pools.claimed', { count: res.done.length })), onError: notifyError });
  const onAssign = () => {
    if (!assigning || !ownerId) return;
    assign.mutate(
      { poolId: pool.id, ids: assigning, ownerId },
      {
        onSuccess: (res) => {
          setAssigning(null);
          setOwnerId(null);
          finish(res, t('pools.assigned', { count: res.done.length }));
        },
        onError: notifyError,
      },
    );
  };
  const canClaim = can('customers', 'create');

  const columns: TableProps<TCustomer>['columns'] = [
    {
      title: t('customers.fields.name'),
      key: 'name',
      width: 240,
      render: (_, c) => (
        <Flex vertical>
          <Link to={paths.customers.detail.getHref(c.id)}>{c.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.number}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('customers.fields.industry'), key: 'industry', width: 140, ellipsis: true, render: (_, c) => dict('industry', c.industry) },
    { title: t('customers.fields.address'), key: 'address', width: 120, ellipsis: true, render: (_, c) => [c.address.province, c.address.city === '市辖区' ? null : c.address.city].filter(Boolean).join(' ') || '—' },
    { title: t('customers.fields.tags'), key: 'tags', width: 170, render: (_, c) => (c.tags.length ? c.tags.slice(0, 3).map((tag) => <Tag key={tag} bordered={false}>{tag}</Tag>) : '—') },
    { title: t('customers.fields.lastFollowUpAt'), key: 'lastFollowUpAt', width: 130, render: (_, c) => date(c.lastFollowUpAt) },
    { title: t('pools.lastOwner'), key: 'lastOwner', width: 110, render: (_, c) => (c.lastOwnerId ? renderUser(c.lastOwnerId) : '—') },
    { title: t('pools.pooledAt'), key: 'pooledAt', width: 150, render: (_, c) => date(c.pooledAt) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, c) => (
        <Flex gap={4}>
          {canClaim ? (
            <Button size="small" type="primary" ghost onClick={() => onClaim([c.id])} loading={claim.isPending && claim.variables?.ids.includes(c.id)}>
              {t('pools.claim')}
            </Button>
          ) : null}
          {isAdmin ? (
            <Button size="small" onClick={() => setAssigning([c.id])}>
              {t('pools.assign')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <Flex justify="space-between" gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('customers.searchPlaceholder')}
          onSearch={(value) => {
            setQ(value.trim());
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 320 }}
        />
        <Flex gap={8}>
          {canClaim ? (
            <Button type="primary" icon={<UserAddOutlined />} disabled={!selected.length} loading={claim.isPending} onClick={() => onClaim(selected)}>
              {t('pools.claimSelected', { count: selected.length })}
            </Button>
          ) : null}
          {isAdmin ? (
            <Button icon={<UserSwitchOutlined />} disabled={!selected.length} onClick={() => setAssigning(selected)}>
              {t('pools.assignSelected', { count: selected.length })}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Table<TCustomer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isPending || isFetching}
        rowSelection={canClaim || isAdmin ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined}
        onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { count: total }) }}
        scroll={{ x: 1240 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pools.empty')} /> }}
      />
      <Modal
        open={Boolean(assigning)}
        title={t('pools.assignTitle', { count: assigning?.length ?? 0 })}
        onCancel={() => setAssigning(null)}
        onOk={onAssign}
        okButtonProps={{ disabled: !ownerId, loading: assign.isPending }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('pools.assignTo')}>{cloneElement(userSelect, { value: ownerId, onChange: setOwnerId, placeholder: t('customers.newOwnerPlaceholder') })}</Form.Item>
        </Form>
      </Modal>
      <ClaimResultModal result={result?.res ?? null} names={result?.names ?? names} onClose={() => setResult(null)} />
    </>
  );
}
