import { Avatar, Badge, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../api/get-users';

type DepartmentMembersProps = { departmentId: string; roleNames: ReadonlyMap<string, string> };

/** The members of one department (direct members, not sub-departments), for the department page. */
export function DepartmentMembers({ departmentId, roleNames }: DepartmentMembersProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, isPending } = useUsers({ page, pageSize: 8, departmentId, sort: 'name' });
  return (
    <List
      loading={isPending}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.membersEmpty')} /> }}
      pagination={
        (data?.total ?? 0) > 8 ? { current: page, pageSize: 8, total: data?.total ?? 0, onChange: setPage, size: 'small' } : false
      }
      renderItem={(u) => (
        <List.Item extra={<Badge status={u.active ? 'success' : 'default'} text={u.active ? t('users.active') : t('users.inactive')} />}>
          <List.Item.Meta
            avatar={<Avatar style={{ background: u.active ? '#1677ff' : '#bfbfbf' }}>{u.name.slice(0, 1).toUpperCase()}</Avatar>}
            title={u.name}
            description={
              <Typography.Text type="secondary">
                {roleNames.get(u.roleId) ?? '—'} · {u.email}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
