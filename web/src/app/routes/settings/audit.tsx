import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/route-guards';
import { AuditTable } from '../../../features/audit/components/audit-table';
import { useDepartments } from '../../../features/departments/api/get-departments';
import { useRoles } from '../../../features/roles/api/get-roles';
import { UserName } from '../../../features/users/components/user-name';
import { currentLocale } from '../../../lib/i18n';
import { roleDisplayName } from '../../../lib/role-name';

function AuditPage() {
  const { t } = useTranslation();
  const { data: departments = [] } = useDepartments();
  const { data: roles = [] } = useRoles();
  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
  const roleNames = new Map(roles.map((r) => [r.id, roleDisplayName(r, currentLocale())]));
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <AuditTable
        lookups={{
          departmentName: (id) => departmentNames.get(id),
          roleName: (id) => roleNames.get(id),
          renderUser: (id) => <UserName id={id} />,
        }}
      />
    </>
  );
}

/** Tenant-wide audit trail: administrators only ("settings: manage", as the API requires). */
export function AuditRoute() {
  return (
    <RequirePermission module="settings" action="manage">
      <AuditPage />
    </RequirePermission>
  );
}
