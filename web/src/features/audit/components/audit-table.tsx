import type { TAuditEntry } from '@guanxi/common/audit';
import { Card, Empty, Flex, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { useFormatDate } from '../../../lib/format';
import { useAudit } from '../api/get-audit';
import { AuditChanges } from './audit-changes';
import type { AuditLookups } from './audit-value';

const ENTITIES = ['customer', 'contact', 'user', 'department', 'role', 'api_token', 'tenant', 'attachment', 'pool', 'dictionary', 'custom_field', 'saved_view'] as const;
const ACTION_NAMES = [
  'create', 'update', 'delete', 'revoke', 'login', 'reset_password', 'change_password', 'transfer', 'tag', 'claim', 'assign', 'return_to_pool',
  'restore', 'purge', 'attach', 'detach', 'merge',
] as const;
const ACTION_COLOR: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', purge: 'red', revoke: 'orange', transfer: 'purple', return_to_pool: 'orange', restore: 'green' };

type Entity = (typeof ENTITIES)[number];
const isEntity = (e: string): e is Entity => (ENTITIES as readonly string[]).includes(e);
const isActionName = (a: string): a is (typeof ACTION_NAMES)[number] => (ACTION_NAMES as readonly string[]).includes(a);

type AuditTableProps = {
  lookups: AuditLookups;
  /** One record's trail (e.g. a customer's 操作日志 tab); without it, the tenant-wide trail with an entity filter. */
  record?: { entity: string; entityId: string };
};

/** The audit trail: tenant-wide (administrators) or of one record. */
export function AuditTable({ lookups, record }: AuditTableProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [entity, setEntity] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, isPending, isFetching, error, refetch } = useAudit({ ...paging, ...(record ?? { entity }) });

  const recordName = (e: TAuditEntry) => {
    if (e.entity === 'user') return lookups.renderUser(e.entityId);
    if (e.entity === 'department') return lookups.departmentName(e.entityId) ?? null;
    if (e.entity === 'role') return lookups.roleName(e.entityId) ?? null;
    return null;
  };
  const allColumns: NonNullable<TableProps<TAuditEntry>['columns']> = [
    { title: t('audit.time'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDate(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 130, render: (v: string | null) => v ?? t('audit.system') },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 110,
      render: (a: string) => <Tag color={ACTION_COLOR[a] ?? 'default'}>{isActionName(a) ? t(`audit.actionNames.${a}`) : a}</Tag>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 180,
      render: (_, e) => (
        <Flex vertical>
          <span>{isEntity(e.entity) ? t(`audit.entities.${e.entity}`) : e.entity}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {recordName(e)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('audit.changes'), dataIndex: 'changes', render: (_, e) => <AuditChanges changes={e.changes} lookups={lookups} action={e.action} /> },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];
  const columns = record ? allColumns.filter((c) => c.key !== 'entity') : allColumns;

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Card styles={{ body: { paddingTop: 16 } }}>
      {record ? null : (
        <Flex style={{ marginBottom: 16 }}>
          <Select
            allowClear
            value={entity}
            onChange={(next?: string) => {
              setEntity(next);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            placeholder={t('audit.allEntities')}
            options={ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
            style={{ width: 180 }}
            aria-label={t('audit.entity')}
          />
        </Flex>
      )}
      <Table<TAuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isPending || isFetching}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} /> }}
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
