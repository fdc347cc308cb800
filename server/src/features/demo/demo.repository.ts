import type { Insertable } from 'kysely';
import type { Db, DepartmentsTable, UsersTable } from '../../db/database';
import { dbJson, readJson, type DialectName } from '../../db/dialect';
import { newId } from '../../lib/ids';

/** What the demo seeder remembers about a tenant it filled (tenant_settings), so a rerun reuses its staff. */
export type DemoSettings = { mailDomain: string; seed: number };
const SETTINGS_KEY = 'demo_seed';

/** A tenant by id, or the tenant of a user with that email. */
export async function findTenantIdByOrg(db: Db, org: string): Promise<string | undefined> {
  const byUser = await db.selectFrom('users').select('tenant_id').where('email', '=', org.trim().toLowerCase()).executeTakeFirst();
  const tenant = await db.selectFrom('tenants').select('id').where('id', '=', byUser?.tenant_id ?? org.trim()).executeTakeFirst();
  return tenant?.id;
}

export async function emailInUse(db: Db, emailOrDomain: { email?: string; domain?: string }): Promise<boolean> {
  let q = db.selectFrom('users').select('id');
  if (emailOrDomain.email) q = q.where('email', '=', emailOrDomain.email);
  if (emailOrDomain.domain) q = q.where('email', 'like', `%@${emailOrDomain.domain}`);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

export async function readDemoSettings(db: Db, tenantId: string): Promise<DemoSettings | null> {
  const row = await db.selectFrom('tenant_settings').select('value').where('tenant_id', '=', tenantId).where('key', '=', SETTINGS_KEY).executeTakeFirst();
  return row ? readJson<DemoSettings | null>(row.value, null) : null;
}

export async function writeDemoSettings(db: Db, dialect: DialectName, tenantId: string, value: DemoSettings, now: string) {
  await db.insertInto('tenant_settings').values({ tenant_id: tenantId, key: SETTINGS_KEY, value: dbJson(dialect, value), updated_at: now }).execute();
}

/** The head-office department (the root createTenant made). */
export function rootDepartment(db: Db, tenantId: string) {
  return db.selectFrom('departments').select(['id', 'path', 'head_id']).where('tenant_id', '=', tenantId).where('parent_id', 'is', null)
    .orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
}

export async function roleIdsByCode(db: Db, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('roles').select(['id', 'code']).where('tenant_id', '=', tenantId).where('code', 'is not', null).execute();
  return new Map(rows.map((r) => [r.code!, r.id]));
}

export async function insertDepartments(db: Db, rows: Insertable<DepartmentsTable>[]) {
  if (rows.length) await db.insertInto('departments').values(rows).execute();
}

export async function insertUsers(db: Db, rows: Insertable<UsersTable>[]) {
  if (rows.length) await db.insertInto('users').values(rows).execute();
}

export async function setDepartmentHead(db: Db, tenantId: string, id: string, headId: string, now: string) {
  await db.updateTable('departments').set((eb) => ({ head_id: headId, updated_at: now, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Creates the named tags that are missing (a tenant's own tags of the same name are kept as they are); ids by name. */
export async function ensureGroupedTags(db: Db, tenantId: string, tags: ReadonlyArray<{ name: string; group: string; color: string }>, now: string) {
  await db.insertInto('tags')
    .values(tags.map((t) => ({ id: newId(), tenant_id: tenantId, name: t.name, group_name: t.group, color: t.color, created_at: now })))
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
    .execute();
  const rows = await db.selectFrom('tags').select(['id', 'name']).where('tenant_id', '=', tenantId).where('name', 'in', tags.map((t) => t.name)).execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** The active demo staff of a tenant (users at its demo mail domain) with department name and role code. */
export function demoStaffRows(db: Db, tenantId: string, mailDomain: string) {
  return db.selectFrom('users').innerJoin('roles', 'roles.id', 'users.role_id').leftJoin('departments', 'departments.id', 'users.department_id')
    .select(['users.id', 'users.name', 'users.email', 'users.active', 'roles.code', 'departments.name as department'])
    .where('users.tenant_id', '=', tenantId).where('users.email', 'like', `%@${mailDomain}`).orderBy('users.created_at').orderBy('users.id')
    .execute();
}

export async function countTenantCustomers(db: Db, tenantId: string): Promise<number> {
  const row = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Customers of all tenants (how big the tables are that an index rebuild reads). */
export async function countAllCustomers(db: Db): Promise<number> {
  const row = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
