import { SEED_ROLES } from '@guanxi/common/permissions';
import type { Db } from '../../db/database';
import { dbBool, dbJson, type DialectName } from '../../db/dialect';
import { newId } from '../../lib/ids';

export type NewTenantRows = {
  tenant: { id: string; name: string; industry: string; staffSize: string };
  department: { id: string; name: string };
  admin: { id: string; name: string; email: string; mobile: string | null; passwordHash: string; locale: 'zh-CN' | 'en' };
  now: string;
};

/**
 * Writes a new enterprise account's first rows: the tenant, its five seeded roles, the head-office department
 * and the admin user. Run inside the caller's transaction. Returns the admin role's id.
 */
export async function insertTenantWithOrg(db: Db, dialect: DialectName, r: NewTenantRows): Promise<string> {
  const { tenant, department, admin, now } = r;
  await db.insertInto('tenants').values({
    id: tenant.id, name: tenant.name, industry: tenant.industry, staff_size: tenant.staffSize, created_at: now, updated_at: now,
  }).execute();
  let adminRoleId = '';
  for (const role of SEED_ROLES) {
    const id = newId();
    if (role.code === 'admin') adminRoleId = id;
    await db.insertInto('roles').values({
      id, tenant_id: tenant.id, code: role.code, name: role.name[admin.locale], description: role.description[admin.locale],
      data_scope: role.dataScope, permissions: dbJson(dialect, role.permissions),
      view_sensitive: dbBool(dialect, role.viewSensitive), is_system: dbBool(dialect, true), created_at: now, updated_at: now,
    }).execute();
  }
  await db.insertInto('departments').values({
    id: department.id, tenant_id: tenant.id, name: department.name, parent_id: null, head_id: admin.id,
    path: `/${department.id}/`, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('users').values({
    id: admin.id, tenant_id: tenant.id, name: admin.name, email: admin.email, mobile: admin.mobile,
    password_hash: admin.passwordHash, department_id: department.id, role_id: adminRoleId, superior_id: null,
    active: dbBool(dialect, true), locale: admin.locale, created_at: now, updated_at: now, password_changed_at: now,
  }).execute();
  return adminRoleId;
}
