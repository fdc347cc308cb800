import type { TBulkRequest, TBulkResult, TCustomer, TTimelineEvent, TTransferRequest } from '@guanxi/common/customers';
import type { TPage } from '@guanxi/common/pagination';
import { errorMessage, ruleMessage } from '@guanxi/common/i18n';
import { readBool } from '../../db/dialect';
import { assertCan, can } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { notify } from '../../lib/notify';
import { pageOf } from '../../lib/pagination';
import { appendTimeline, readTimeline } from '../../lib/timeline';
import { purgeRecordAttachments } from '../attachments/attachments.service';
import { applyCustomerTags } from '../tags/tags.service';
import { findUserRef } from '../users/users.service';
import { refreshDerived } from './customer-derived';
import { handOverCustomerTasks } from '../tasks/tasks.service';
import { getCustomer, writtenCustomer } from './customers.service';
import { findCustomer, purgeCustomer, updateCustomer } from './customers.repository';

/**
 * Hands a customer to another owner, with a timeline entry, an audit entry and a notice to both owners.
 */
export async function transferCustomer(deps: AppDeps, actor: Actor, id: string, input: TTransferRequest): Promise<TCustomer> {
  assertCan(actor, 'customers', 'transfer');
  const row = await findCustomer(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  const target = await findUserRef(deps.db, actor.tenantId, input.ownerId);
  if (!target || !readBool(target.active)) throw AppError.invalid('ownerId', 'owner_inactive');
  if (row.owner_id === input.ownerId) return getCustomer(deps, actor, id);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateCustomer(trx, actor, id, row.version, { owner_id: input.ownerId, owned_since: now, pool_warned_at: null, updated_at: now }))) throw new AppError('VERSION_CONFLICT');
    const tasksMoved = await handOverCustomerTasks(trx, actor.tenantId, id, row.owner_id, input.ownerId, now);
    const toUser = await trx.selectFrom('users').select('name').where('tenant_id', '=', actor.tenantId).where('id', '=', input.ownerId).executeTakeFirst();
    const data = { from: row.owner_id, fromName: row.owner_name ?? null, to: input.ownerId, toName: toUser?.name ?? null, reason: input.reason ?? null, tasksMoved };
    await appendTimeline({ ...deps, db: trx }, actor, { customerId: id, type: 'transferred', data });
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'customer', entityId: id, action: 'transfer', changes: [{ field: 'ownerId', from: row.owner_id, to: input.ownerId }] });
    await notify({ ...deps, db: trx }, actor.tenantId, [row.owner_id, input.ownerId].filter((u) => u !== actor.userId), 'customer.transferred', {
      customerId: id, customerName: row.name, number: row.number, ...data, by: actor.name,
    });
  });
  return writtenCustomer(deps, actor, id);
}

/** Moves a customer to the recycle bin (restorable). */
export async function deleteCustomer(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'customers', 'delete');
  const row = await findCustomer(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateCustomer(trx, actor, id, row.version, { deleted_at: now, deleted_by: actor.userId, updated_at: now }))) throw new AppError('VERSION_CONFLICT');
    await appendTimeline({ ...deps, db: trx }, actor, { customerId: id, type: 'deleted' });
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'customer', entityId: id, action: 'delete', changes: [{ field: 'deletedAt', from: null, to: now }] });
  });
}

export async function restoreCustomer(deps: AppDeps, actor: Actor, id: string): Promise<TCustomer> {
  assertCan(actor, 'customers', 'delete');
  const row = await findCustomer(deps.db, actor, id, { deleted: true });
  if (!row) throw new AppError('NOT_FOUND');
  // A customer merged into another gave away its contacts, tags and history: it cannot come back half empty.
  const merged = await readTimeline(deps.db, actor.tenantId, id, { page: 1, pageSize: 1, types: ['merged_into'] });
  if (merged.total > 0) throw AppError.unprocessable('id', 'merged');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateCustomer(trx, actor, id, row.version, { deleted_at: null, deleted_by: null, updated_at: now }))) throw new AppError('VERSION_CONFLICT');
    await appendTimeline({ ...deps, db: trx }, actor, { customerId: id, type: 'restored' });
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'customer', entityId: id, action: 'restore', changes: [{ field: 'deletedAt', from: row.deleted_at, to: null }] });
  });
  return getCustomer(deps, actor, id);
}

/** Removes a customer from the recycle bin for good, with its contacts, tags and timeline. Admins only. */
export async function purgeDeletedCustomer(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  if (!can(actor, 'settings', 'manage')) throw new AppError('FORBIDDEN');
  const row = await findCustomer(deps.db, actor, id, { deleted: true });
  if (!row) throw new AppError('NOT_FOUND');
  const removeFiles = await deps.db.transaction().execute(async (trx) => {
    const remove = await purgeRecordAttachments(trx, deps, actor.tenantId, 'customer', id);
    await purgeCustomer(trx, actor.tenantId, id);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'customer', entityId: id, action: 'purge', changes: [{ field: 'name', from: row.name, to: null }] });
    return remove;
  });
  await removeFiles();
}

/**
 * Applies one action to many customers. Each customer is its own transaction: an interrupted bulk action leaves
 * every customer either done or untouched, and the answer says which failed and why.
 */
export async function bulkCustomers(deps: AppDeps, actor: Actor, input: TBulkRequest): Promise<TBulkResult> {
  const result: TBulkResult = { done: [], failed: [] };
  if (input.action === 'transfer' && !input.ownerId) throw AppError.invalid('ownerId', 'required');
  if ((input.action === 'addTags' || input.action === 'removeTags') && !input.tags?.length) throw AppError.invalid('tags', 'required');
  for (const id of [...new Set(input.ids)]) {
    try {
      if (input.action === 'transfer') await transferCustomer(deps, actor, id, { ownerId: input.ownerId! });
      else if (input.action === 'delete') await deleteCustomer(deps, actor, id);
      else await tagCustomer(deps, actor, id, input.action === 'addTags' ? { add: input.tags! } : { remove: input.tags! });
      result.done.push(id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const d = err.details[0];
      const message = d && 'rule' in d && !('message' in d) ? ruleMessage(actor.locale, d.rule, d.field, d.params) : errorMessage(actor.locale, err.code);
      result.failed.push({ id, code: err.code, message });
    }
  }
  return result;
}

export async function tagCustomer(deps: AppDeps, actor: Actor, id: string, change: { add?: string[]; remove?: string[] }): Promise<void> {
  assertCan(actor, 'customers', 'edit');
  const row = await findCustomer(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await applyCustomerTags(trx, actor.tenantId, id, change, now);
    if (!(await updateCustomer(trx, actor, id, row.version, { updated_at: now }))) throw new AppError('VERSION_CONFLICT');
    await refreshDerived(trx, actor.tenantId, id);
    await appendTimeline({ ...deps, db: trx }, actor, { customerId: id, type: 'tagged', data: { ...change } });
    await recordAudit({ ...deps, db: trx }, actor, {
      entity: 'customer', entityId: id, action: 'tag', changes: [{ field: 'tags', from: change.remove ?? null, to: change.add ?? null }],
    });
  });
}

/** A page of the customer's timeline, newest first; whoever may see the customer may read it. */
export async function customerTimeline(
  deps: AppDeps,
  actor: Actor,
  id: string,
  q: { page: number; pageSize: number; types?: string[] },
): Promise<TPage<TTimelineEvent>> {
  // Whoever may see the customer (including members of the pool it sits in) may read its history.
  await getCustomer(deps, actor, id);
  const { items, total } = await readTimeline(deps.db, actor.tenantId, id, q);
  return pageOf(items, total, q);
}
