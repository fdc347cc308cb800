import type { DataScope, Permissions } from '@guanxi/common/permissions';
import type { Locale } from '@guanxi/common/i18n';
import type { Db } from '../db/database';
import { readBool, readJson } from '../db/dialect';

/**
 * Who is asking: built once per request by the auth middleware and passed to every service and repository.
 * Every query is scoped to `tenantId`; rows are filtered by `dataScope` through lib/access.ts.
 */
export type Actor = Readonly<{
  tenantId: string;
  userId: string;
  name: string;
  departmentId: string | null;
  /** Materialised path of the actor's department ("/root/sales/"), or null without a department. */
  departmentPath: string | null;
  roleId: string;
  roleCode: string | null;
  dataScope: DataScope;
  permissions: Permissions;
  viewSensitive: boolean;
  locale: Locale;
  ip: string | null;
  via: 'session' | 'token' | 'system';
}>;

/** The columns an Actor is made of (users as u, roles as r, departments as d). */
export type ActorRow = {
  id: string;
  tenant_id: string;
  name: string;
  active: unknown;
  department_id: string | null;
  department_path: string | null;
  role_id: string;
  role_code: string | null;
  data_scope: string;
  permissions: unknown;
  view_sensitive: unknown;
};

/** The Actor of a loaded row; null when the user is deactivated. */
export function actorFromRow(row: ActorRow, extra: { locale: Locale; ip: string | null; via: Actor['via'] }): Actor | null {
  if (!readBool(row.active)) return null;
  return Object.freeze({
    tenantId: row.tenant_id,
    userId: row.id,
    name: row.name,
    departmentId: row.department_id,
    departmentPath: row.department_path ?? null,
    roleId: row.role_id,
    roleCode: row.role_code,
    dataScope: row.data_scope as DataScope,
    permissions: readJson<Permissions>(row.permissions, {}),
    viewSensitive: readBool(row.view_sensitive),
    ...extra,
  });
}

/** What an Actor is built from: a user (`u`) with its role (`r`) and department (`d`); `actorFromRow` reads these. */
export const ACTOR_COLUMNS = [
  'u.id',
  'u.tenant_id',
  'u.name',
  'u.active',
  'u.department_id',
  'd.path as department_path',
  'r.id as role_id',
  'r.code as role_code',
  'r.data_scope',
  'r.permissions',
  'r.view_sensitive',
] as const;

/** Loads everything an Actor needs for one active user, in one query. Null when missing or deactivated. */
export async function findActiveActor(
  db: Db,
  where: { userId: string; tenantId: string },
  extra: { locale: Locale; ip: string | null; via: Actor['via'] },
): Promise<Actor | null> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('roles as r', (j) => j.onRef('r.id', '=', 'u.role_id').onRef('r.tenant_id', '=', 'u.tenant_id'))
    .leftJoin('departments as d', (j) => j.onRef('d.id', '=', 'u.department_id').onRef('d.tenant_id', '=', 'u.tenant_id'))
    .select(ACTOR_COLUMNS)
    .where('u.id', '=', where.userId)
    .where('u.tenant_id', '=', where.tenantId)
    .executeTakeFirst();
  return row ? actorFromRow(row, extra) : null;
}
