import type { TCreateFollowupRequest, TFollowup, TListFollowupsQuery, TUpdateFollowupRequest } from '@guanxi/common/followups';
import type { TCappedPage } from '@guanxi/common/pagination';
import type { Updateable } from 'kysely';
import type { FollowupsTable } from '../../db/activities-tables';
import { readTimestamp } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { diffRecords, recordAudit } from '../../lib/audit';
import { AppError, type RuleDetail } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { cappedPageOf } from '../../lib/pagination';
import { appendTimeline } from '../../lib/timeline';
import { purgeRecordAttachments } from '../attachments/attachments.service';
import { dictionaryLookup } from '../dictionaries/dictionaries.service';
import { checkAssignee, checkCustomerAndContact, completeSopTasks, syncFollowupTask } from '../tasks/tasks.service';
import { findFollowup, listFollowups, refreshLastFollowUp, updateFollowup, type FollowupRow } from './followups.repository';

const iso = (v: string) => new Date(v).toISOString();

/** Feedback 有意向 on a 潜在 customer suggests 意向: the UI offers the change, nothing is changed silently. */
function suggestion(feedback: string | null, status: string | null): TFollowup['statusSuggestion'] {
  if (feedback === 'interested' && status === 'potential') return 'intent';
  return null;
}

function toFollowup(r: FollowupRow): TFollowup {
  return {
    id: r.id, customerId: r.customer_id, customerName: r.customer_name, customerStatus: r.customer_status, contactId: r.contact_id,
    contactName: r.contact_name ?? null, date: readTimestamp(r.followed_at), method: r.method, followerId: r.follower_id,
    followerName: r.follower_name ?? null, content: r.content, feedback: r.feedback as TFollowup['feedback'], nextAction: r.next_action,
    nextFollowUpAt: readTimestamp(r.next_follow_up_at, true), taskId: r.task_id, statusSuggestion: suggestion(r.feedback, r.customer_status),
    version: r.version, createdAt: readTimestamp(r.created_at), updatedAt: readTimestamp(r.updated_at),
  };
}
const auditView = (f: TFollowup) => {
  const { customerName: _n, customerStatus: _s, contactName: _c, followerName: _f, statusSuggestion: _g, taskId: _t, ...rest } = f;
  return rest as Record<string, unknown>;
};

export async function getFollowup(deps: AppDeps, actor: Actor, id: string): Promise<TFollowup> {
  assertCan(actor, 'followups', 'view');
  const row = await findFollowup(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toFollowup(row);
}

export async function listVisibleFollowups(deps: AppDeps, actor: Actor, q: TListFollowupsQuery): Promise<TCappedPage<TFollowup>> {
  assertCan(actor, 'followups', 'view');
  const { items, total, capped } = await listFollowups(deps.db, deps.dialect, actor, { ...q, from: q.from && iso(q.from), to: q.to && iso(q.to) });
  return cappedPageOf(items.map(toFollowup), { total, capped }, q);
}

async function checkMethod(deps: AppDeps, actor: Actor, method: string): Promise<string> {
  const dict = await dictionaryLookup(deps.db, actor.tenantId);
  const entry = dict.find('followup_method', method);
  if (!entry || !entry.active) throw AppError.invalid('method', 'dictionary', { value: method });
  return entry.code;
}

function checkNextAfterDate(date: string, next: string | null | undefined) {
  if (next && new Date(next).getTime() <= new Date(date).getTime()) throw AppError.invalid('nextFollowUpAt', 'after_date');
}

/** The checks of a new follow-up (customer and contact in reach, method in the dictionary, follower, dates); throws 400. */
async function checkNewFollowup(deps: AppDeps, actor: Actor, input: TCreateFollowupRequest): Promise<{ method: string; followerId: string }> {
  await checkCustomerAndContact(deps, actor, input.customerId, input.contactId);
  const method = await checkMethod(deps, actor, input.method);
  const followerId = input.followerId ?? actor.userId;
  await checkAssignee(deps, actor, followerId, 'followerId');
  checkNextAfterDate(input.date, input.nextFollowUpAt);
  return { method, followerId };
}

/**
 * Logs a follow-up: the customer's last follow-up time moves to the latest record, a next follow-up time becomes an
 * open task for the follower (with a reminder), and the customer's timeline and the audit trail get their entries.
 */
export async function createFollowup(deps: AppDeps, actor: Actor, input: TCreateFollowupRequest): Promise<TFollowup> {
  assertCan(actor, 'followups', 'create');
  const checked = await checkNewFollowup(deps, actor, input);
  const id = await deps.db.transaction().execute((trx) => insertFollowupRecord({ ...deps, db: trx }, actor, input, checked));
  return getFollowup(deps, actor, id);
}

/**
 * An imported follow-up row, checked as the form checks it (in the import batch's transaction): the rule details
 * instead of a thrown error, and the writer for the row.
 */
export async function checkImportedFollowup(deps: AppDeps, actor: Actor, input: TCreateFollowupRequest) {
  try {
    const checked = await checkNewFollowup(deps, actor, input);
    // A past record's next follow-up time that has already passed is history, not work: no overdue task for it.
    return { errors: [], write: () => insertFollowupRecord(deps, actor, input, checked, { taskOnlyIfAfter: deps.clock.now() }) };
  } catch (err) {
    const details = err instanceof AppError ? err.details.filter((x): x is RuleDetail => 'rule' in x) : [];
    if (details.length) return { errors: details, write: null };
    throw err;
  }
}

/** Whether the customer already has a follow-up at this time with this content (an import's duplicate check). */
export async function followupExists(db: AppDeps['db'], tenantId: string, customerId: string, date: string, content: string): Promise<boolean> {
  const row = await db.selectFrom('followups').select('id').where('tenant_id', '=', tenantId).where('customer_id', '=', customerId)
    .where('followed_at', '=', iso(date)).where('content', '=', content).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Writes a checked follow-up in the caller's transaction (createFollowup and imports). */
async function insertFollowupRecord(
  deps: AppDeps, actor: Actor, input: TCreateFollowupRequest, checked: { method: string; followerId: string }, opts: { taskOnlyIfAfter?: Date } = {},
): Promise<string> {
  const { method, followerId } = checked;
  const id = newId();
  const now = deps.clock.now().toISOString();
  const trx = deps.db;
  const d = deps;
  await trx.insertInto('followups').values({
    id, tenant_id: actor.tenantId, customer_id: input.customerId, contact_id: input.contactId ?? null, followed_at: iso(input.date), method,
    follower_id: followerId, content: input.content, feedback: input.feedback ?? null, next_action: input.nextAction || null,
    next_follow_up_at: input.nextFollowUpAt ? iso(input.nextFollowUpAt) : null, task_id: null, created_by: actor.userId, created_at: now, updated_at: now,
  }).execute();
  await refreshLastFollowUp(trx, actor.tenantId, input.customerId);
  const row = (await findFollowup(trx, { ...actor, via: 'system' }, id))!;
  const next = row.next_follow_up_at ? readTimestamp(row.next_follow_up_at) : null;
  const taskDue = next && (!opts.taskOnlyIfAfter || new Date(next) > opts.taskOnlyIfAfter) ? next : null;
  const taskId = await syncFollowupTask(d, actor, {
    followupId: id, taskId: null, customerId: input.customerId, contactId: row.contact_id, customerName: row.customer_name, followerId,
    nextFollowUpAt: taskDue, nextAction: row.next_action,
  });
  if (taskId) await trx.updateTable('followups').set({ task_id: taskId }).where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
  await completeSopTasks(d, actor, input.customerId);
  await appendTimeline(d, actor, {
    customerId: input.customerId, type: 'followup_logged', refType: 'followup', refId: id, at: iso(input.date),
    data: { method, content: input.content.slice(0, 200), feedback: input.feedback ?? null, nextFollowUpAt: row.next_follow_up_at ? readTimestamp(row.next_follow_up_at) : null },
  });
  await recordAudit(d, actor, { entity: 'followup', entityId: id, action: 'create', after: auditView(toFollowup(row)) });
  return id;
}

export async function editFollowup(deps: AppDeps, actor: Actor, id: string, input: TUpdateFollowupRequest): Promise<TFollowup> {
  assertCan(actor, 'followups', 'edit');
  const row = await findFollowup(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
  if (input.contactId) await checkCustomerAndContact(deps, actor, row.customer_id, input.contactId);
  const set: Updateable<FollowupsTable> = { updated_at: deps.clock.now().toISOString() };
  if (input.method !== undefined) set.method = await checkMethod(deps, actor, input.method);
  if (input.followerId !== undefined && input.followerId !== row.follower_id) {
    await checkAssignee(deps, actor, input.followerId, 'followerId');
    set.follower_id = input.followerId;
  }
  if (input.contactId !== undefined) set.contact_id = input.contactId;
  if (input.date !== undefined) set.followed_at = iso(input.date);
  if (input.content !== undefined) set.content = input.content;
  if (input.feedback !== undefined) set.feedback = input.feedback;
  if (input.nextAction !== undefined) set.next_action = input.nextAction || null;
  if (input.nextFollowUpAt !== undefined) set.next_follow_up_at = input.nextFollowUpAt ? iso(input.nextFollowUpAt) : null;
  const before = toFollowup(row);
  checkNextAfterDate(input.date ?? before.date, input.nextFollowUpAt === undefined ? before.nextFollowUpAt : input.nextFollowUpAt);
  await deps.db.transaction().execute(async (trx) => {
    const d = { ...deps, db: trx };
    if (!(await updateFollowup(trx, actor.tenantId, id, input.version, set))) throw new AppError('VERSION_CONFLICT');
    await refreshLastFollowUp(trx, actor.tenantId, row.customer_id);
    const after = (await findFollowup(trx, { ...actor, via: 'system' }, id))!;
    const taskId = await syncFollowupTask(d, actor, {
      followupId: id, taskId: row.task_id, customerId: row.customer_id, contactId: after.contact_id, customerName: after.customer_name,
      followerId: after.follower_id, nextFollowUpAt: after.next_follow_up_at ? readTimestamp(after.next_follow_up_at) : null, nextAction: after.next_action,
    });
    if (taskId !== row.task_id) await trx.updateTable('followups').set({ task_id: taskId }).where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    const changes = diffRecords(auditView(before), auditView(toFollowup(after)));
    await recordAudit(d, actor, { entity: 'followup', entityId: id, action: 'update', changes });
    if (changes.length) {
      await appendTimeline(d, actor, { customerId: row.customer_id, type: 'followup_updated', refType: 'followup', refId: id, data: { fields: changes.map((c) => c.field) } });
    }
  });
  return getFollowup(deps, actor, id);
}

/**
 * Deletes a follow-up: its open task is cancelled, the last follow-up time falls back, its attachments go (files
 * after the commit), the audit keeps the record.
 */
export async function removeFollowup(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'followups', 'delete');
  const row = await findFollowup(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  const removeFiles = await deps.db.transaction().execute(async (trx) => {
    const d = { ...deps, db: trx };
    await trx.deleteFrom('followups').where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    const remove = await purgeRecordAttachments(trx, deps, actor.tenantId, 'followup', id);
    await refreshLastFollowUp(trx, actor.tenantId, row.customer_id);
    await syncFollowupTask(d, actor, {
      followupId: id, taskId: row.task_id, customerId: row.customer_id, contactId: row.contact_id, customerName: row.customer_name,
      followerId: row.follower_id, nextFollowUpAt: null, nextAction: null,
    });
    await appendTimeline(d, actor, { customerId: row.customer_id, type: 'followup_deleted', refType: 'followup', refId: id, data: { content: row.content.slice(0, 200) } });
    await recordAudit(d, actor, { entity: 'followup', entityId: id, action: 'delete', before: auditView(toFollowup(row)), after: null });
    return remove;
  });
  await removeFiles();
}
