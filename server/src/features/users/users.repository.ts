import type { TListUsersQuery, TUserDirectoryQuery } from '@guanxi/common/users';
import { sql, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Db, UsersTable } from '../../db/database';
import { dbBool, escapeLike, likeOperator, type DialectName } from '../../db/dialect';
import { scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { offsetOf, parseSort } from '../../lib/pagination';

const COLUMNS = [
  'users.id', 'users.name', 'users.email', 'users.mobile', 'users.department_id', 'users.role_id',
  'users.superior_id', 'users.active', 'users.locale', 'users.timezone', 'users.last_login_at',
  'users.version', 'users.created_at', 'users.updated_at',
] as const;

/** Users the actor may see: same tenant, and within the actor's data scope (self, subordinates, department…). */
function scoped(db: Db, actor: Actor) {
  return db
    .selectFrom('users')
    .where('users.tenant_id', '=', actor.tenantId)
    .where(scopeFilter(actor, { owner: 'users.id', department: 'users.department_id' }));
}

export type UserRow = Awaited<ReturnType<typeof findUser>> & {};

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export function findUser(db: Db, actor: Actor, id: string) {
  return scoped(db, actor).select(COLUMNS).where('users.id', '=', id).executeTakeFirst();
}

/** One user of the tenant whatever the actor's data scope: the answer to a write the actor was allowed to make. */
export function findWrittenUser(db: Db, tenantId: string, id: string) {
  return db.selectFrom('users').select(COLUMNS).where('users.tenant_id', '=', tenantId).where('users.id', '=', id).executeTakeFirstOrThrow();
}

/** Any user of the tenant, ignoring data scope (for reference checks such as a superior or department head). */
export function findTenantUser(db: Db, tenantId: string, id: string) {
  return db.selectFrom('users').select(['id', 'superior_id', 'active', 'role_id']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

const SORTS = { name: 'users.name', email: 'users.email', createdAt: 'users.created_at', lastLoginAt: 'users.last_login_at' } as const;

export async function listUsers(db: Db, dialect: DialectName, actor: Actor, q: TListUsersQuery) {
  let base = scoped(db, actor);
  if (q.departmentId) base = base.where('users.department_id', '=', q.departmentId);
  if (q.roleId) base = base.where('users.role_id', '=', q.roleId);
  if (q.active) base = base.where('users.active', '=', dbBool(dialect, q.active === 'true'));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    // SQLite has no default LIKE escape character: without ESCAPE, "snake_case" would find nothing.
    const like = (column: string) => sql<SqlBool>`${sql.ref(column)} ${sql.raw(likeOperator(dialect))} ${pattern} escape '\\'`;
    base = base.where((eb) => eb.or([like('users.name'), like('users.email'), like('users.mobile')]));
  }
  const sort = parseSort(q.sort, SORTS, { column: 'users.created_at', direction: 'asc' });
  const [items, total] = await Promise.all([
    base.select(COLUMNS).orderBy(sort.column, sort.direction).orderBy('users.id').limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function emailTaken(db: Db, email: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('users').select('id').where('email', '=', email);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Updates when `version` still matches; false when it changed meanwhile. */
export async function updateUser(db: Db, tenantId: string, id: string, version: number, set: Updateable<UsersTable>) {
  const res = await db
    .updateTable('users')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function countActiveWithRole(db: Db, dialect: DialectName, tenantId: string, roleId: string): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId).where('role_id', '=', roleId).where('active', '=', dbBool(dialect, true))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countUsersInDepartment(db: Db, tenantId: string, departmentId: string): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId).where('department_id', '=', departmentId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The tenant's colleague directory (name and department only), whatever the actor's data scope. */
export async function listDirectory(db: Db, dialect: DialectName, tenantId: string, q: TUserDirectoryQuery) {
  let base = db.selectFrom('users').leftJoin('departments', (j) => j.onRef('departments.id', '=', 'users.department_id').on('departments.tenant_id', '=', tenantId))
    .where('users.tenant_id', '=', tenantId);
  const ids = q.ids ? [...new Set(q.ids.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, 200) : null;
  if (ids) base = base.where('users.id', 'in', ids.length ? ids : ['']);
  if (q.departmentId) base = base.where('users.department_id', '=', q.departmentId);
  if (q.active) base = base.where('users.active', '=', dbBool(dialect, q.active === 'true'));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    base = base.where(sql<SqlBool>`${sql.ref('users.name')} ${sql.raw(likeOperator(dialect))} ${pattern} escape '\\'`);
  }
  const [items, total] = await Promise.all([
    base.select(['users.id', 'users.name', 'users.department_id', 'departments.name as department_name', 'users.active'])
      .orderBy('users.name').orderBy('users.id').limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
