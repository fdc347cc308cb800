import type { TBulkResult } from '@guanxi/common/customers';
import { errorMessage, ruleMessage } from '@guanxi/common/i18n';
import { DEFAULT_POOL_RULES, ZPoolRules, type TCreatePoolRequest, type TPool, type TPoolRules, type TUpdatePoolRequest } from '@guanxi/common/pools';
import type { Db } from '../../db/database';
import { dbBool, dbJson, readBool, readJson, type DialectName } from '../../db/dialect';
import { assertCan, can, scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { notify } from '../../lib/notify';
import { dayInZone } from '../../lib/sequences';
import { appendTimeline } from '../../lib/timeline';
import {
  countClaimsSince, countOwned, findDefaultPoolRow, findPoolRow, insertPool, listPools, membersOf, replaceMembers, updatePool,
  type PoolRow,
} from './pools.repository';

type PoolDeps = { db: Db; dialect: DialectName; clock: Clock };

function rulesOf(row: { rules: unknown }): TPoolRules {
  const parsed = ZPoolRules.safeParse(readJson(row.rules, DEFAULT_POOL_RULES));
  return parsed.success ? parsed.data : DEFAULT_POOL_RULES;
}

/** The tenant's default pool (公海), created on first use. Customers return to it under its rules. */
export async function defaultPool(deps: PoolDeps, tenantId: string): Promise<{ id: string; rules: TPoolRules }> {
  const found = await findDefaultPoolRow(deps.db, deps.dialect, tenantId);
  if (found) return { id: found.id, rules: rulesOf(found) };
  const now = deps.clock.now().toISOString();
  const id = newId();
  await insertPool(deps.db, {
    id, tenant_id: tenantId, name: '公海', is_default: dbBool(deps.dialect, true), rules: dbJson(deps.dialect, DEFAULT_POOL_RULES),
    created_at: now, updated_at: now,
  });
  return { id, rules: DEFAULT_POOL_RULES };
}

/**
 * What the actor may do in a pool. Everyone who may view customers is a member of the default pool; other pools
 * list their members. Pool admins (and tenant admins) assign customers from the pool.
 */
export async function poolAccess(deps: PoolDeps, actor: Actor, poolId: string) {
  const row = await findPoolRow(deps.db, actor.tenantId, poolId);
  if (!row) return null;
  const members = await membersOf(deps.db, actor.tenantId, [poolId]);
  const me = members.find((m) => m.user_id === actor.userId);
  const tenantAdmin = can(actor, 'settings', 'manage');
  const member = tenantAdmin || !!me || (readBool(row.is_default) && can(actor, 'customers', 'view'));
  return { row, rules: rulesOf(row), member, admin: tenantAdmin || (!!me && readBool(me.is_admin)) };
}

function toPool(row: PoolRow, members: Awaited<ReturnType<typeof membersOf>>): TPool {
  return {
    id: row.id, name: row.name, isDefault: readBool(row.is_default), rules: rulesOf(row),
    members: members.filter((m) => m.pool_id === row.id).map((m) => ({ userId: m.user_id, name: m.name, isAdmin: readBool(m.is_admin) })),
    customerCount: Number(row.customer_count ?? 0), version: row.version,
  };
}

export async function listVisiblePools(deps: AppDeps, actor: Actor): Promise<TPool[]> {
  assertCan(actor, 'customers', 'view');
  await defaultPool(deps, actor.tenantId);
  const rows = await listPools(deps.db, actor.tenantId);
  const members = await membersOf(deps.db, actor.tenantId, rows.map((r) => r.id));
  const all = can(actor, 'settings', 'manage');
  return rows
    .filter((r) => all || readBool(r.is_default) || members.some((m) => m.pool_id === r.id && m.user_id === actor.userId))
    .map((r) => toPool(r, members));
}

export async function createPool(deps: AppDeps, actor: Actor, input: TCreatePoolRequest): Promise<TPool> {
  assertCan(actor, 'settings', 'manage');
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertPool(trx, {
      id, tenant_id: actor.tenantId, name: input.name, is_default: dbBool(deps.dialect, false),
      rules: dbJson(deps.dialect, input.rules ?? DEFAULT_POOL_RULES), created_at: now, updated_at: now,
    });
    await replaceMembers(trx, deps.dialect, actor.tenantId, id, input.members);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'pool', entityId: id, action: 'create', after: { name: input.name } });
  });
  return (await listVisiblePools(deps, actor)).find((p) => p.id === id)!;
}

export async function editPool(deps: AppDeps, actor: Actor, id: string, input: TUpdatePoolRequest): Promise<TPool> {
  assertCan(actor, 'settings', 'manage');
  const before = (await listVisiblePools(deps, actor)).find((p) => p.id === id);
  if (!before) throw new AppError('NOT_FOUND');
  if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const ok = await updatePool(trx, actor.tenantId, id, input.version, {
      updated_at: now, ...(input.name ? { name: input.name } : {}), ...(input.rules ? { rules: dbJson(deps.dialect, input.rules) } : {}),
    });
    if (!ok) throw new AppError('VERSION_CONFLICT');
    if (input.members) await replaceMembers(trx, deps.dialect, actor.tenantId, id, input.members);
    await recordAudit({ ...deps, db: trx }, actor, {
      entity: 'pool', entityId: id, action: 'update',
      before: { name: before.name, rules: before.rules, members: before.members.map((m) => m.userId) },
      after: { name: input.name ?? before.name, rules: input.rules ?? before.rules, members: (input.members ?? before.members).map((m) => m.userId) },
    });
  });
  return (await listVisiblePools(deps, actor)).find((p) => p.id === id)!;
}

function failure(actor: Actor, id: string, err: unknown) {
  if (!(err instanceof AppError)) throw err;
  const d = err.details[0];
  const message = d && !('message' in d) ? ruleMessage(actor.locale, d.rule, d.field, d.params) : errorMessage(actor.locale, err.code);
  return { id, code: err.code, message };
}

/** Display names for timeline entries and notices, so readers need no access to the user records. */
async function namesOf(db: Db, tenantId: string, customerId: string, userId: string | null) {
  const [c, u] = await Promise.all([
    db.selectFrom('customers').select('name').where('tenant_id', '=', tenantId).where('id', '=', customerId).executeTakeFirst(),
    userId ? db.selectFrom('users').select('name').where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst() : undefined,
  ]);
  return { customer: c?.name ?? null, user: u?.name ?? null };
}

/** Takes an unowned customer out of the pool for `ownerId`, if it is still in the pool (first claim wins). */
async function takeFromPool(deps: AppDeps, actor: Actor, poolId: string, customerId: string, ownerId: string, action: 'claim' | 'assign') {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('customers')
      .set((eb) => ({ owner_id: ownerId, pool_id: null, pooled_at: null, owned_since: now, pool_warned_at: null, updated_at: now, version: eb('version', '+', 1) }))
      .where('tenant_id', '=', actor.tenantId).where('id', '=', customerId).where('pool_id', '=', poolId).where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw AppError.unprocessable('ids', 'not_in_pool');
    await trx.insertInto('pool_claims').values({ id: newId(), tenant_id: actor.tenantId, pool_id: poolId, customer_id: customerId, user_id: ownerId, action, created_at: now }).execute();
    const names = await namesOf(trx, actor.tenantId, customerId, ownerId);
    await appendTimeline({ ...deps, db: trx }, actor, { customerId, type: action === 'claim' ? 'claimed' : 'assigned', data: { poolId, ownerId, ownerName: names.user } });
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'customer', entityId: customerId, action, changes: [{ field: 'ownerId', from: null, to: ownerId }] });
    if (action === 'assign') {
      await notify({ ...deps, db: trx }, actor.tenantId, [ownerId], 'customer.assigned', { customerId, customerName: names.customer, by: actor.name });
    }
  });
}

/**
 * A member claims customers from a pool, within the pool's daily claim cap and holding limit; the owner a
 * customer just returned from waits the re-claim cooldown. Each customer is claimed or not on its own.
 */
export async function claimCustomers(deps: AppDeps, actor: Actor, poolId: string, ids: string[]): Promise<TBulkResult> {
  assertCan(actor, 'customers', 'create');
  const access = await poolAccess(deps, actor, poolId);
  if (!access) throw new AppError('NOT_FOUND');
  if (!access.member) throw AppError.unprocessable('poolId', 'not_member');
  const { rules } = access;
  const now = deps.clock.now();
  const dayStart = new Date(`${dayInZone(now, 'Asia/Shanghai').replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3')}T00:00:00+08:00`).toISOString();
  let claimedToday = await countClaimsSince(deps.db, actor.tenantId, actor.userId, dayStart);
  let held = await countOwned(deps.db, actor.tenantId, actor.userId);
  const result: TBulkResult = { done: [], failed: [] };
  for (const id of [...new Set(ids)]) {
    try {
      if (claimedToday >= rules.dailyClaimCap) throw new AppError('UNPROCESSABLE', [{ field: 'ids', rule: 'claim_cap', params: { max: rules.dailyClaimCap } }]);
      if (held >= rules.holdLimit) throw new AppError('UNPROCESSABLE', [{ field: 'ids', rule: 'hold_limit', params: { max: rules.holdLimit } }]);
      const c = await deps.db.selectFrom('customers').select(['last_owner_id', 'pooled_at', 'pool_id'])
        .where('tenant_id', '=', actor.tenantId).where('id', '=', id).executeTakeFirst();
      if (!c || c.pool_id !== poolId) throw new AppError('NOT_FOUND');
      const pooledAt = c.pooled_at ? new Date(c.pooled_at).getTime() : 0;
      const waitUntil = pooledAt + rules.reclaimCooldownDays * 86_400_000;
      if (c.last_owner_id === actor.userId && waitUntil > now.getTime()) {
        throw new AppError('UNPROCESSABLE', [{ field: 'ids', rule: 'cooldown', params: { days: Math.ceil((waitUntil - now.getTime()) / 86_400_000) } }]);
      }
      await takeFromPool(deps, actor, poolId, id, actor.userId, 'claim');
      claimedToday++;
      held++;
      result.done.push(id);
    } catch (err) {
      result.failed.push(failure(actor, id, err));
    }
  }
  return result;
}

/** A pool admin hands pool customers to a user (no caps: it is a management decision). */
export async function assignFromPool(deps: AppDeps, actor: Actor, poolId: string, ids: string[], ownerId: string): Promise<TBulkResult> {
  const access = await poolAccess(deps, actor, poolId);
  if (!access) throw new AppError('NOT_FOUND');
  if (!access.admin) throw new AppError('FORBIDDEN');
  const owner = await deps.db.selectFrom('users').select(['id', 'active']).where('tenant_id', '=', actor.tenantId).where('id', '=', ownerId).executeTakeFirst();
  if (!owner || !readBool(owner.active)) throw AppError.invalid('ownerId', 'owner_inactive');
  const result: TBulkResult = { done: [], failed: [] };
  for (const id of [...new Set(ids)]) {
    try {
      await takeFromPool(deps, actor, poolId, id, ownerId, 'assign');
      result.done.push(id);
    } catch (err) {
      result.failed.push(failure(actor, id, err));
    }
  }
  return result;
}

/**
 * Puts owned customers into a pool (manual return, or the scheduled rules with a system actor): the owner is
 * remembered for the cooldown, the timeline and audit trail record why, and the former owner is told.
 */
export async function moveToPool(
  deps: PoolDeps,
  actor: Actor,
  customers: Array<{ id: string; ownerId: string | null; name: string }>,
  poolId: string,
  reason: { auto: boolean; text?: string | null },
): Promise<void> {
  const now = deps.clock.now().toISOString();
  for (const c of customers) {
    await deps.db.transaction().execute(async (trx) => {
      const res = await trx.updateTable('customers')
        .set((eb) => ({ owner_id: null, pool_id: poolId, pooled_at: now, last_owner_id: c.ownerId, pool_warned_at: null, updated_at: now, version: eb('version', '+', 1) }))
        .where('tenant_id', '=', actor.tenantId).where('id', '=', c.id).where('pool_id', 'is', null).where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return;
      const data = { poolId, from: c.ownerId, fromName: (await namesOf(trx, actor.tenantId, c.id, c.ownerId)).user, auto: reason.auto, reason: reason.text ?? null };
      await appendTimeline({ ...deps, db: trx }, actor, { customerId: c.id, type: 'returned_to_pool', data });
      await recordAudit({ ...deps, db: trx }, actor, { entity: 'customer', entityId: c.id, action: 'return_to_pool', changes: [{ field: 'ownerId', from: c.ownerId, to: null }] });
      if (c.ownerId && c.ownerId !== actor.userId) {
        await notify({ ...deps, db: trx }, actor.tenantId, [c.ownerId], 'customer.returned_to_pool', { customerId: c.id, customerName: c.name, ...data });
      }
    });
  }
}

export { rulesOf };
export { daysLeft, poolDeadline } from './pool-rules';

/** The owner (or anyone who may transfer it) puts a customer back into a pool by hand. */
export async function returnToPool(deps: AppDeps, actor: Actor, customerId: string, input: { poolId?: string; reason?: string | null }): Promise<void> {
  const c = await deps.db.selectFrom('customers').select(['id', 'owner_id', 'name', 'pool_id'])
    .where('tenant_id', '=', actor.tenantId).where('id', '=', customerId).where('deleted_at', 'is', null)
    .where(scopeFilter(actor, { owner: 'customers.owner_id' })).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND');
  if (c.owner_id !== actor.userId) assertCan(actor, 'customers', 'transfer');
  if (c.pool_id) return;
  const poolId = input.poolId ?? (await defaultPool(deps, actor.tenantId)).id;
  if (!(await findPoolRow(deps.db, actor.tenantId, poolId))) throw AppError.invalid('poolId', 'not_found');
  await moveToPool(deps, actor, [{ id: c.id, ownerId: c.owner_id, name: c.name }], poolId, { auto: false, text: input.reason ?? null });
}
