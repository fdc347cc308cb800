import type { TPage } from '@guanxi/common/pagination';
import {
  ON_TIME_GRACE_MS, type TBulkTasksRequest, type TCreateTaskRequest, type TListTasksQuery, type TTask, type TUpdateTaskRequest,
} from '@guanxi/common/tasks';
import { errorMessage, ruleMessage } from '@guanxi/common/i18n';
import type { TBulkResult } from '@guanxi/common/customers';
import type { Updateable } from 'kysely';
import type { TasksTable } from '../../db/activities-tables';
import { dbBool } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { notify } from '../../lib/notify';
import { pageOf, parseSort } from '../../lib/pagination';
import { appendTimeline } from '../../lib/timeline';
import { customerOfContact } from '../contacts/contacts.service';
import { customerInScope } from '../customers/customers.service';
import { toTask, remindAtOf } from './tasks.mapper';
import { assignableUser, findTask, insertTask, insertTaskOnce, listTasks, refreshFollowUpDue, TASK_SORTS, updateTask } from './tasks.repository';

type Deps = Pick<AppDeps, 'db' | 'dialect' | 'clock'>;
const iso = (v: string) => new Date(v).toISOString();
const DEFAULT_REMIND_MINUTES = 15;

/** The assignee (or follower) must be an active user the actor reaches; otherwise a field error on `field`. */
export async function checkAssignee(deps: Deps, actor: Actor, userId: string, field: string) {
  const u = await assignableUser(deps.db, actor, userId);
  if (!u || !u.active) throw AppError.invalid(field, 'owner_inactive');
  return u;
}

/** The customer must be one the actor reaches, and the contact (when given) one of its contacts. */
export async function checkCustomerAndContact(deps: AppDeps, actor: Actor, customerId: string | null | undefined, contactId: string | null | undefined) {
  if (customerId && !(await customerInScope(deps, actor, customerId))) throw AppError.invalid('customerId', 'not_found');
  if (!contactId) return;
  if (!customerId) throw AppError.invalid('customerId', 'required');
  const contactCustomer = await customerOfContact(deps, actor, contactId);
  if (!contactCustomer) throw AppError.invalid('contactId', 'not_found');
  if (contactCustomer !== customerId) throw AppError.invalid('contactId', 'not_customer_contact');
}

export async function getTask(deps: Deps, actor: Actor, id: string): Promise<TTask> {
  assertCan(actor, 'tasks', 'view');
  const row = await findTask(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toTask(row, deps.clock.now());
}

export async function listVisibleTasks(deps: Deps, actor: Actor, q: TListTasksQuery): Promise<TPage<TTask>> {
  assertCan(actor, 'tasks', 'view');
  const sort = parseSort(q.sort, TASK_SORTS, { column: 'tasks.due_at', direction: 'asc' });
  const norm = { ...q, dueFrom: q.dueFrom && iso(q.dueFrom), dueTo: q.dueTo && iso(q.dueTo) };
  const now = deps.clock.now();
  const { items, total } = await listTasks(deps.db, deps.dialect, actor, norm, sort, now.toISOString());
  return pageOf(items.map((r) => toTask(r, now)), total, q);
}

export type NewTask = {
  subject: string; type: TTask['type']; description?: string | null; dueAt: string; assigneeId: string; customerId?: string | null;
  contactId?: string | null; priority: TTask['priority']; remindOffsetMinutes: number | null; source: TTask['source'];
  followupId?: string | null;
};

/** Inserts a task with its timeline and audit entries in the caller's transaction (also used by follow-ups). */
export async function insertTaskRecord(deps: Deps, actor: Actor, t: NewTask): Promise<string> {
  const id = newId();
  const now = deps.clock.now().toISOString();
  const dueAt = iso(t.dueAt);
  await insertTask(deps.db, {
    id, tenant_id: actor.tenantId, subject: t.subject, type: t.type, description: t.description ?? null, due_at: dueAt, assignee_id: t.assigneeId,
    customer_id: t.customerId ?? null, contact_id: t.contactId ?? null, priority: t.priority, status: 'open',
    remind_offset_minutes: t.remindOffsetMinutes, remind_at: remindAtOf(dueAt, t.remindOffsetMinutes), reminded_at: null, done_at: null,
    on_time: null, source: t.source, followup_id: t.followupId ?? null, series_id: null, occurrence_at: null, sop_key: null,
    created_by: actor.via === 'system' ? null : actor.userId, created_at: now, updated_at: now,
  });
  await refreshFollowUpDue(deps.db, actor.tenantId, t.customerId ?? null);
  if (t.customerId) {
    await appendTimeline(deps, actor, { customerId: t.customerId, type: 'task_created', refType: 'task', refId: id, data: { subject: t.subject, dueAt, assigneeId: t.assigneeId } });
  }
  await recordAudit(deps, actor, { entity: 'task', entityId: id, action: 'create', after: { subject: t.subject, dueAt, assigneeId: t.assigneeId, customerId: t.customerId ?? null } });
  if (t.assigneeId !== actor.userId) await notify(deps, actor.tenantId, [t.assigneeId], 'task.assigned', { taskId: id, subject: t.subject, dueAt, by: actor.name });
  return id;
}

export async function createTask(deps: AppDeps, actor: Actor, input: TCreateTaskRequest): Promise<TTask> {
  assertCan(actor, 'tasks', 'create');
  const assigneeId = input.assigneeId ?? actor.userId;
  await checkAssignee(deps, actor, assigneeId, 'assigneeId');
  await checkCustomerAndContact(deps, actor, input.customerId, input.contactId);
  const id = await deps.db.transaction().execute((trx) => insertTaskRecord({ ...deps, db: trx }, actor, {
    subject: input.subject, type: input.type ?? 'call', description: input.description, dueAt: input.dueAt, assigneeId,
    customerId: input.customerId, contactId: input.contactId, priority: input.priority ?? 'normal',
    remindOffsetMinutes: input.remindOffsetMinutes === undefined ? DEFAULT_REMIND_MINUTES : input.remindOffsetMinutes, source: 'manual',
  }));
  return getTask(deps, actor, id);
}

/** The columns a status change sets: done records done_at and on_time (within 24 h of due); reopening clears them. */
function statusChange(deps: Deps, dueAt: string, status: TTask['status']): Updateable<TasksTable> {
  const now = deps.clock.now();
  if (status === 'done') {
    const onTime = now.getTime() <= new Date(dueAt).getTime() + ON_TIME_GRACE_MS;
    return { status, done_at: now.toISOString(), on_time: dbBool(deps.dialect, onTime) };
  }
  return { status, done_at: null, on_time: null };
}

const STATUS_EVENTS = { done: 'task_done', cancelled: 'task_cancelled', open: 'task_reopened' } as const;

export async function editTask(deps: AppDeps, actor: Actor, id: string, input: TUpdateTaskRequest): Promise<TTask> {
  assertCan(actor, 'tasks', 'edit');
  const row = await findTask(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
  if (input.assigneeId && input.assigneeId !== row.assignee_id) await checkAssignee(deps, actor, input.assigneeId, 'assigneeId');
  const customerId = input.customerId === undefined ? row.customer_id : input.customerId;
  if (input.customerId !== undefined || input.contactId !== undefined) {
    await checkCustomerAndContact(deps, actor, input.customerId === undefined ? null : customerId, input.contactId === undefined ? null : input.contactId);
  }
  const before = toTask(row, deps.clock.now());
  const set: Updateable<TasksTable> = { updated_at: deps.clock.now().toISOString() };
  if (input.subject !== undefined) set.subject = input.subject;
  if (input.type !== undefined) set.type = input.type;
  if (input.description !== undefined) set.description = input.description || null;
  if (input.priority !== undefined) set.priority = input.priority;
  if (input.assigneeId !== undefined) set.assignee_id = input.assigneeId;
  if (input.customerId !== undefined) set.customer_id = input.customerId;
  if (input.contactId !== undefined) set.contact_id = input.contactId;
  const dueAt = input.dueAt !== undefined ? iso(input.dueAt) : before.dueAt;
  const offset = input.remindOffsetMinutes !== undefined ? input.remindOffsetMinutes : before.remindOffsetMinutes;
  if (input.dueAt !== undefined || input.remindOffsetMinutes !== undefined) {
    Object.assign(set, { due_at: dueAt, remind_offset_minutes: offset, remind_at: remindAtOf(dueAt, offset) });
    // A new reminder time fires again, unless it is already past (no burst of stale reminders on an edit).
    if (remindAtOf(dueAt, offset) !== before.remindAt) set.reminded_at = null;
  }
  const statusChanged = input.status !== undefined && input.status !== row.status;
  if (statusChanged) Object.assign(set, statusChange(deps, dueAt, input.status!));
  await deps.db.transaction().execute(async (trx) => {
    const d = { ...deps, db: trx };
    if (!(await updateTask(trx, actor.tenantId, id, input.version, set))) throw new AppError('VERSION_CONFLICT');
    await refreshFollowUpDue(trx, actor.tenantId, row.customer_id);
    if (customerId !== row.customer_id) await refreshFollowUpDue(trx, actor.tenantId, customerId);
    const after = toTask((await findTask(trx, { ...actor, via: 'system' }, id))!, deps.clock.now());
    await recordAudit(d, actor, { entity: 'task', entityId: id, action: 'update', before: { ...before, overdue: null }, after: { ...after, overdue: null } });
    if (statusChanged && customerId) {
      await appendTimeline(d, actor, { customerId, type: STATUS_EVENTS[input.status!], refType: 'task', refId: id, data: { subject: after.subject, dueAt: after.dueAt, onTime: after.onTime } });
    }
    if (input.assigneeId && input.assigneeId !== row.assignee_id && input.assigneeId !== actor.userId) {
      await notify(d, actor.tenantId, [input.assigneeId], 'task.assigned', { taskId: id, subject: after.subject, dueAt: after.dueAt, by: actor.name });
    }
  });
  return getTask(deps, actor, id);
}

/** Marks a task done in one step (workbench, bulk): no version needed, an already closed task is a 422. */
export async function completeTask(deps: AppDeps, actor: Actor, id: string): Promise<TTask> {
  assertCan(actor, 'tasks', 'edit');
  const row = await findTask(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'open') throw AppError.unprocessable('status', 'task_closed');
  return editTask(deps, actor, id, { version: row.version, status: 'done' });
}

export async function deleteTask(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'tasks', 'delete');
  const row = await findTask(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('tasks').where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    await trx.updateTable('followups').set({ task_id: null }).where('tenant_id', '=', actor.tenantId).where('task_id', '=', id).execute();
    await refreshFollowUpDue(trx, actor.tenantId, row.customer_id);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'task', entityId: id, action: 'delete', before: { ...toTask(row, deps.clock.now()), overdue: null }, after: null });
  });
}

/** Completes, cancels or reassigns many tasks; each is its own transaction and the answer says which failed and why. */
export async function bulkTasks(deps: AppDeps, actor: Actor, input: TBulkTasksRequest): Promise<TBulkResult> {
  assertCan(actor, 'tasks', 'edit');
  if (input.action === 'reassign') {
    if (!input.assigneeId) throw AppError.invalid('assigneeId', 'required');
    await checkAssignee(deps, actor, input.assigneeId, 'assigneeId');
  }
  const result: TBulkResult = { done: [], failed: [] };
  for (const id of [...new Set(input.ids)]) {
    try {
      const row = await findTask(deps.db, actor, id);
      if (!row) throw new AppError('NOT_FOUND');
      if (input.action !== 'reassign' && row.status !== 'open') throw AppError.unprocessable('status', 'task_closed');
      const change = input.action === 'reassign' ? { assigneeId: input.assigneeId } : { status: input.action === 'complete' ? 'done' as const : 'cancelled' as const };
      await editTask(deps, actor, id, { version: row.version, ...change });
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

/** Follow-ups keep their task in step: a new, moved or removed next follow-up time (caller's transaction). */
export async function syncFollowupTask(
  deps: Deps,
  actor: Actor,
  f: { followupId: string; taskId: string | null; customerId: string; contactId: string | null; customerName: string; followerId: string; nextFollowUpAt: string | null; nextAction: string | null },
): Promise<string | null> {
  const current = f.taskId ? await findTask(deps.db, { ...actor, via: 'system' }, f.taskId) : undefined;
  const open = current && current.status === 'open' ? current : undefined;
  if (!f.nextFollowUpAt) {
    if (open) await updateTask(deps.db, actor.tenantId, open.id, open.version, { status: 'cancelled', updated_at: deps.clock.now().toISOString() });
    await refreshFollowUpDue(deps.db, actor.tenantId, f.customerId);
    return open ? null : (current?.id ?? null);
  }
  const dueAt = iso(f.nextFollowUpAt);
  if (open) {
    const offset = open.remind_offset_minutes;
    const set: Updateable<TasksTable> = { due_at: dueAt, remind_at: remindAtOf(dueAt, offset), assignee_id: f.followerId, updated_at: deps.clock.now().toISOString() };
    if (remindAtOf(dueAt, offset) !== toTask(open, deps.clock.now()).remindAt) set.reminded_at = null;
    await updateTask(deps.db, actor.tenantId, open.id, open.version, set);
    await refreshFollowUpDue(deps.db, actor.tenantId, f.customerId);
    return open.id;
  }
  if (current && readDue(current.due_at) === dueAt) return current.id;
  return insertTaskRecord(deps, actor, {
    subject: f.nextAction || `跟进 ${f.customerName}`, type: 'call', dueAt, assigneeId: f.followerId, customerId: f.customerId,
    contactId: f.contactId, priority: 'normal', remindOffsetMinutes: 30, source: 'followup', followupId: f.followupId,
  });
}

function readDue(v: unknown): string {
  return v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
}

/**
 * Creates an SOP follow-up task unless one with the same key exists (the SOP job may run twice), with its timeline
 * entry; keeps the customer's follow-up due time. True when created.
 */
export async function insertSopTask(
  deps: Deps,
  actor: Actor,
  t: { sopKey: string; subject: string; type: TTask['type']; dueAt: string; assigneeId: string; customerId: string },
): Promise<boolean> {
  const id = newId();
  const now = deps.clock.now().toISOString();
  const created = await insertTaskOnce(deps.db, {
    id, tenant_id: actor.tenantId, subject: t.subject, type: t.type, description: null, due_at: t.dueAt, assignee_id: t.assigneeId,
    customer_id: t.customerId, contact_id: null, priority: 'normal', status: 'open', remind_offset_minutes: 0, remind_at: t.dueAt, reminded_at: null,
    done_at: null, on_time: null, source: 'sop', followup_id: null, series_id: null, occurrence_at: null, sop_key: t.sopKey, created_by: null,
    created_at: now, updated_at: now,
  }, 'sop');
  if (!created) return false;
  await refreshFollowUpDue(deps.db, actor.tenantId, t.customerId);
  await appendTimeline(deps, actor, { customerId: t.customerId, type: 'task_created', refType: 'task', refId: id, data: { subject: t.subject, dueAt: t.dueAt, assigneeId: t.assigneeId, sop: true } });
  return true;
}

/** A follow-up logged for a customer completes its open SOP follow-up tasks (on time when within 24 h of due). */
export async function completeSopTasks(deps: Deps, actor: Actor, customerId: string): Promise<void> {
  const open = await deps.db.selectFrom('tasks').select(['id', 'due_at', 'version', 'subject']).where('tenant_id', '=', actor.tenantId)
    .where('customer_id', '=', customerId).where('source', '=', 'sop').where('status', '=', 'open').where('type', '!=', 'email').execute();
  for (const t of open) {
    const dueAt = new Date(t.due_at instanceof Date ? t.due_at : String(t.due_at)).toISOString();
    await updateTask(deps.db, actor.tenantId, t.id, t.version, { ...statusChange(deps, dueAt, 'done'), updated_at: deps.clock.now().toISOString() });
    await appendTimeline(deps, actor, { customerId, type: 'task_done', refType: 'task', refId: t.id, data: { subject: t.subject, dueAt } });
  }
  if (open.length) await refreshFollowUpDue(deps.db, actor.tenantId, customerId);
}

/**
 * A customer changed hands: its open tasks that the previous owner held (follow-up, SOP, manual) go to the new one,
 * in the caller's transaction. Returns how many moved.
 */
export async function handOverCustomerTasks(
  db: AppDeps['db'], tenantId: string, customerId: string, fromUserId: string | null, toUserId: string, now: string,
): Promise<number> {
  if (!fromUserId || fromUserId === toUserId) return 0;
  const r = await db.updateTable('tasks').set((eb) => ({ assignee_id: toUserId, updated_at: now, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('customer_id', '=', customerId).where('assignee_id', '=', fromUserId).where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
