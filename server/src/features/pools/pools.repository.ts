import type { Insertable, Updateable } from 'kysely';
import type { Db, PoolsTable } from '../../db/database';
import { dbBool, type DialectName } from '../../db/dialect';

export function listPools(db: Db, tenantId: string) {
  return db
    .selectFrom('pools')
    .selectAll('pools')
    .select((eb) =>
      eb.selectFrom('customers').select(eb.fn.countAll<number>().as('n'))
        .whereRef('customers.pool_id', '=', 'pools.id').where('customers.deleted_at', 'is', null).as('customer_count'),
    )
    .where('pools.tenant_id', '=', tenantId)
    .orderBy('pools.is_default', 'desc')
    .orderBy('pools.created_at')
    .execute();
}
export type PoolRow = Awaited<ReturnType<typeof listPools>>[number];

export function findPoolRow(db: Db, tenantId: string, id: string) {
  return db.selectFrom('pools').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function findDefaultPoolRow(db: Db, dialect: DialectName, tenantId: string) {
  return db.selectFrom('pools').selectAll().where('tenant_id', '=', tenantId).where('is_default', '=', dbBool(dialect, true)).executeTakeFirst();
}

export async function insertPool(db: Db, row: Insertable<PoolsTable>): Promise<void> {
  await db.insertInto('pools').values(row).execute();
}

export async function updatePool(db: Db, tenantId: string, id: string, version: number, set: Updateable<PoolsTable>) {
  const r = await db.updateTable('pools').set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function membersOf(db: Db, tenantId: string, poolIds: string[]) {
  if (poolIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('pool_members').innerJoin('users', 'users.id', 'pool_members.user_id')
    .select(['pool_members.pool_id', 'pool_members.user_id', 'pool_members.is_admin', 'users.name'])
    .where('pool_members.tenant_id', '=', tenantId).where('pool_members.pool_id', 'in', poolIds).execute();
}

export async function replaceMembers(db: Db, dialect: DialectName, tenantId: string, poolId: string, members: Array<{ userId: string; isAdmin: boolean }>) {
  await db.deleteFrom('pool_members').where('tenant_id', '=', tenantId).where('pool_id', '=', poolId).execute();
  if (members.length === 0) return;
  await db.insertInto('pool_members')
    .values(members.map((m) => ({ tenant_id: tenantId, pool_id: poolId, user_id: m.userId, is_admin: dbBool(dialect, m.isAdmin) })))
    .execute();
}

export async function countClaimsSince(db: Db, tenantId: string, userId: string, since: string): Promise<number> {
  const r = await db.selectFrom('pool_claims').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('action', '=', 'claim').where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countOwned(db: Db, tenantId: string, userId: string): Promise<number> {
  const r = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId).where('owner_id', '=', userId).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}
