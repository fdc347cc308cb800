import { InfoCircleOutlined } from '@ant-design/icons';
import type { TUser } from '@guanxi/common/users';
import { Avatar, Badge, Card, Empty, Flex, Table, Tag, Tooltip, Typography, type TableProps, type TreeSelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { useSignedInMe } from '../../../lib/auth';
import { useFormatDate } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { roleDisplayName } from '../../../lib/role-name';
import { useUsers, type UsersQuery } from '../api/get-users';
import { ResetPasswordModal } from './reset-password-modal';
import { UserActions } from './user-actions';
import { UserFilters, type Option, type UserFilterValues } from './user-filters';

type UsersListProps = {
  departmentTree: TreeSelectProps['treeData'];
  departmentNames: ReadonlyMap<string, string>;
  roleOptions: Option[];
  onEdit: (id: string) => void;
};

const SORTABLE = new Set(['name', 'createdAt', 'lastLoginAt']);

export function UsersList({ departmentTree, departmentNames, roleOptions, onEdit }: UsersListProps) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const formatDate = useFormatDate();
  const [filters, setFilters] = useState<UserFilterValues>({ q: '' });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20, sort: undefined as string | undefined });
  const [resetting, setResetting] = useState<TUser | null>(null);
  const query: UsersQuery = { ...paging, ...filters, q: filters.q.trim() || undefined };
  const { data, isPending, isFetching, error, refetch } = useUsers(query);
  const roleNames = new Map(roleOptions.map((r) => [r.value, r.label]));

  const columns: TableProps<TUser>['columns'] = [
    {
      title: t('users.name'),
      dataIndex: 'name',
      sorter: true,
      width: 160,
      render: (_, u) => (
        <Flex align="center" gap={8} style={{ whiteSpace: 'nowrap' }}>
          <Avatar size="small" style={{ background: u.active ? '#1677ff' : '#bfbfbf', flex: 'none' }}>
            {u.name.slice(0, 1).toUpperCase()}
          </Avatar>
          <Typography.Text strong>{u.name}</Typography.Text>
          {u.id === me.user.id ? <Tag color="blue">{t('users.you')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('users.contact'),
      key: 'contact',
      width: 220,
      ellipsis: true,
      render: (_, u) => (
        <Flex vertical>
          <Typography.Text ellipsis={{ tooltip: u.email }}>{u.email}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {u.mobile ?? '—'}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('users.department'),
      dataIndex: 'departmentId',
      width: 130,
      ellipsis: true,
      render: (id: string | null) => (id ? departmentNames.get(id) ?? '—' : <Typography.Text type="secondary">{t('users.noDepartment')}</Typography.Text>),
    },
    {
      title: t('users.role'),
      dataIndex: 'roleId',
      width: 150,
      render: (id: string) => {
        // Roles without "roles: view" cannot list roles, but always know their own.
        const name = roleNames.get(id) ?? (id === me.role.id ? roleDisplayName(me.role, currentLocale()) : null);
        return name ? <Tag>{name}</Tag> : '—';
      },
    },
    {
      title: t('users.status'),
      dataIndex: 'active',
      width: 130,
      render: (active: boolean) => <Badge status={active ? 'success' : 'default'} text={active ? t('users.active') : t('users.inactive')} />,
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      sorter: true,
      render: (at: string | null) => (at ? formatDate(at) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, u) => (
        <UserActions user={u} isSelf={u.id === me.user.id} onEdit={() => onEdit(u.id)} onResetPassword={() => setResetting(u)} />
      ),
    },
  ];

  const onTableChange: TableProps<TUser>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof s?.field === 'string' && SORTABLE.has(s.field) && s.order ? s.field : undefined;
    setPaging({
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? 20,
      sort: field ? `${s?.order === 'descend' ? '-' : ''}${field}` : undefined,
    });
  };

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Card styles={{ body: { paddingTop: 16 } }}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <UserFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          departmentTree={departmentTree}
          roleOptions={roleOptions}
        />
        {me.role.viewSensitive ? null : (
          <Tooltip title={t('users.maskedHint')}>
            <Typography.Text type="secondary">
              <InfoCircleOutlined /> {t('users.maskedHint')}
            </Typography.Text>
          </Tooltip>
        )}
      </Flex>
      <Table<TUser>
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isPending || isFetching}
        onChange={onTableChange}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.empty')} /> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { count: total }),
        }}
        scroll={{ x: 1090 }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
