import type { Insertable, Updateable } from 'kysely';
import type { Db, DepartmentsTable } from '../../db/database';
import { escapeLike } from '../../db/dialect';
import { scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';

function withMemberCount(db: Db, tenantId: string) {
  return db
    .selectFrom('departments')
    .selectAll('departments')
    .select((eb) =>
      eb.selectFrom('users').select(eb.fn.countAll<number>().as('n'))
        .whereRef('users.department_id', '=', 'departments.id').where('users.tenant_id', '=', tenantId)
        .as('member_count'),
    )
    .where('departments.tenant_id', '=', tenantId);
}

function scoped(db: Db, actor: Actor) {
  return withMemberCount(db, actor.tenantId).where(scopeFilter(actor, { department: 'departments.id' }));
}
export type DepartmentRow = Awaited<ReturnType<ReturnType<typeof scoped>['executeTakeFirstOrThrow']>>;

export async function insertDepartment(db: Db, row: Insertable<DepartmentsTable>): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

/** A department the actor may see (tenant and data scope), or undefined. */
export function findDepartment(db: Db, actor: Actor, id: string): Promise<DepartmentRow | undefined> {
  return scoped(db, actor).where('departments.id', '=', id).executeTakeFirst();
}

/** One department of the tenant whatever the actor's data scope: the answer to a write the actor was allowed to make. */
export function findWrittenDepartment(db: Db, tenantId: string, id: string): Promise<DepartmentRow> {
  return withMemberCount(db, tenantId).where('departments.id', '=', id).executeTakeFirstOrThrow();
}

export function listDepartments(db: Db, actor: Actor): Promise<DepartmentRow[]> {
  return scoped(db, actor).orderBy('departments.path').orderBy('departments.sort').execute();
}

/** Any department of the tenant, ignoring data scope (for reference checks such as a user's department). */
export function findTenantDepartment(db: Db, tenantId: string, id: string) {
  return db.selectFrom('departments').select(['id', 'path']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function updateDepartment(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
  set: Updateable<DepartmentsTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('departments')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Rewrites the materialised path of a moved subtree (the department itself and every descendant). */
export async function movePaths(db: Db, tenantId: string, oldPrefix: string, newPrefix: string): Promise<void> {
  await db
    .updateTable('departments')
    // `||`, not concat(): PostgreSQL cannot type a bare parameter passed to the variadic concat().
    .set((eb) => ({ path: eb(eb.val(newPrefix), '||', eb.fn<string>('substr', ['path', eb.val(oldPrefix.length + 1)])) }))
    .where('tenant_id', '=', tenantId)
    .where('path', 'like', `${escapeLike(oldPrefix)}%`)
    .execute();
}

export async function countChildren(db: Db, tenantId: string, id: string): Promise<number> {
  const r = await db.selectFrom('departments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId).where('parent_id', '=', id).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function deleteDepartment(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('departments').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
