import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/route-guards';
import { useDepartments } from '../../../features/departments/api/get-departments';
import { toTreeSelectData } from '../../../features/departments/components/department-tree-data';
import { useRoles } from '../../../features/roles/api/get-roles';
import { UserDrawer } from '../../../features/users/components/user-drawer';
import { UsersList } from '../../../features/users/components/users-list';
import { useCan } from '../../../lib/authorization';
import { currentLocale } from '../../../lib/i18n';
import { roleDisplayName } from '../../../lib/role-name';

type DrawerState = { open: boolean; userId: string | null; key: number };

function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: departments = [] } = useDepartments({ enabled: can('departments', 'view') });
  const { data: roles = [] } = useRoles({ enabled: can('roles', 'view') });
  const [drawer, setDrawer] = useState<DrawerState>({ open: false, userId: null, key: 0 });

  const departmentTree = toTreeSelectData(departments);
  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
  const roleOptions = roles.map((r) => ({ value: r.id, label: roleDisplayName(r, currentLocale()) }));
  const open = (userId: string | null) => setDrawer((d) => ({ open: true, userId, key: d.key + 1 }));

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        extra={
          can('users', 'create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)}>
              {t('users.add')}
            </Button>
          ) : null
        }
      />
      <UsersList departmentTree={departmentTree} departmentNames={departmentNames} roleOptions={roleOptions} onEdit={open} />
      <UserDrawer
        key={drawer.key}
        open={drawer.open}
        userId={drawer.userId}
        departmentTree={departmentTree}
        roleOptions={roleOptions}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </>
  );
}

export function UsersRoute() {
  return (
    <RequirePermission module="users" action="view">
      <UsersPage />
    </RequirePermission>
  );
}
