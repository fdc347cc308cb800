import type { Insertable, Updateable } from 'kysely';
import type { Db, RolesTable } from '../../db/database';

const COLUMNS = [
  'roles.id', 'roles.code', 'roles.name', 'roles.description', 'roles.data_scope', 'roles.permissions',
  'roles.view_sensitive', 'roles.is_system', 'roles.version', 'roles.created_at', 'roles.updated_at',
] as const;

function withUserCount(db: Db, tenantId: string) {
  return db
    .selectFrom('roles')
    .select(COLUMNS)
    .select((eb) =>
      eb.selectFrom('users').select(eb.fn.countAll<number>().as('n'))
        .whereRef('users.role_id', '=', 'roles.id').where('users.tenant_id', '=', tenantId).as('user_count'),
    )
    .where('roles.tenant_id', '=', tenantId);
}
export type RoleRow = Awaited<ReturnType<ReturnType<typeof withUserCount>['executeTakeFirstOrThrow']>>;

export async function insertRole(db: Db, row: Insertable<RolesTable>): Promise<void> {
  await db.insertInto('roles').values(row).execute();
}

export function findRole(db: Db, tenantId: string, id: string): Promise<RoleRow | undefined> {
  return withUserCount(db, tenantId).where('roles.id', '=', id).executeTakeFirst();
}

export function findRoleByCode(db: Db, tenantId: string, code: string): Promise<RoleRow | undefined> {
  return withUserCount(db, tenantId).where('roles.code', '=', code).executeTakeFirst();
}

export function listRoles(db: Db, tenantId: string): Promise<RoleRow[]> {
  return withUserCount(db, tenantId).orderBy('roles.is_system', 'desc').orderBy('roles.created_at').execute();
}

/** Updates when `version` still matches; returns false when the row changed meanwhile (or is gone). */
export async function updateRole(db: Db, tenantId: string, id: string, version: number, set: Updateable<RolesTable>) {
  const res = await db
    .updateTable('roles')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteRole(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('roles').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
