import type { TPage } from '@guanxi/common/pagination';
import type { TCreateTaskSeriesRequest, TListTaskSeriesQuery, TRecurrenceRule, TTaskSeries, TUpdateTaskSeriesRequest } from '@guanxi/common/tasks';
import type { Db } from '../../db/database';
import { dbBool, dbJson, readBool, readJson, readTimestamp, type DialectName } from '../../db/dialect';
import { assertCan, scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { offsetOf, pageOf } from '../../lib/pagination';
import { occurrencesBetween } from './recurrence';
import { remindAtOf } from './tasks.mapper';
import { insertTaskOnce } from './tasks.repository';
import { checkAssignee, checkCustomerAndContact } from './tasks.service';

type JobDeps = { db: Db; dialect: DialectName; clock: Clock };
/** Occurrences exist this far ahead, so they show on the workbench and in "upcoming" before they are due. */
export const SERIES_HORIZON_MS = 14 * 86_400_000;

function scoped(db: Db, actor: Actor) {
  return db.selectFrom('task_series as s')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 's.assignee_id').onRef('u.tenant_id', '=', 's.tenant_id'))
    .leftJoin('customers as c', (j) => j.onRef('c.id', '=', 's.customer_id').onRef('c.tenant_id', '=', 's.tenant_id'))
    .where('s.tenant_id', '=', actor.tenantId).where(scopeFilter(actor, { owner: 's.assignee_id' }))
    .select(['s.id', 's.subject', 's.type', 's.description', 's.assignee_id', 'u.name as assignee_name', 's.customer_id', 'c.name as customer_name',
      's.contact_id', 's.priority', 's.remind_offset_minutes', 's.rule', 's.starts_on', 's.ends_on', 's.active', 's.version', 's.created_at', 's.updated_at']);
}
type SeriesRow = NonNullable<Awaited<ReturnType<ReturnType<typeof scoped>['executeTakeFirst']>>>;

function toSeries(r: SeriesRow): TTaskSeries {
  return {
    id: r.id, subject: r.subject, type: r.type as TTaskSeries['type'], description: r.description, assigneeId: r.assignee_id,
    assigneeName: r.assignee_name ?? null, customerId: r.customer_id, customerName: r.customer_name ?? null, contactId: r.contact_id,
    priority: r.priority as TTaskSeries['priority'], remindOffsetMinutes: r.remind_offset_minutes, rule: readJson<TRecurrenceRule>(r.rule, { freq: 'daily', time: '09:00' }),
    startsOn: r.starts_on, endsOn: r.ends_on, active: readBool(r.active), version: r.version,
    createdAt: readTimestamp(r.created_at), updatedAt: readTimestamp(r.updated_at),
  };
}

export async function getSeries(deps: AppDeps, actor: Actor, id: string): Promise<TTaskSeries> {
  assertCan(actor, 'tasks', 'view');
  const row = await scoped(deps.db, actor).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return toSeries(row);
}

export async function listSeries(deps: AppDeps, actor: Actor, q: TListTaskSeriesQuery): Promise<TPage<TTaskSeries>> {
  assertCan(actor, 'tasks', 'view');
  let base = scoped(deps.db, actor);
  if (q.mine === 'true') base = base.where('s.assignee_id', '=', actor.userId);
  const [rows, total] = await Promise.all([
    base.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return pageOf(rows.map(toSeries), Number(total.n), q);
}

/** Creates occurrences of one series in [from, to) that do not exist yet; returns how many it created. */
async function materialise(deps: JobDeps, s: TTaskSeries & { tenantId: string; timeZone: string }, from: Date, to: Date): Promise<number> {
  let created = 0;
  const now = deps.clock.now().toISOString();
  for (const at of occurrencesBetween(s.rule, { startsOn: s.startsOn, endsOn: s.endsOn, timeZone: s.timeZone }, from, to)) {
    const dueAt = at.toISOString();
    const inserted = await insertTaskOnce(deps.db, {
      id: newId(), tenant_id: s.tenantId, subject: s.subject, type: s.type, description: s.description, due_at: dueAt, assignee_id: s.assigneeId,
      customer_id: s.customerId, contact_id: s.contactId, priority: s.priority, status: 'open', remind_offset_minutes: s.remindOffsetMinutes,
      remind_at: remindAtOf(dueAt, s.remindOffsetMinutes), reminded_at: null, done_at: null, on_time: null, source: 'recurring', followup_id: null,
      series_id: s.id, occurrence_at: dueAt, sop_key: null, created_by: null, created_at: now, updated_at: now,
    }, 'series');
    if (inserted) created++;
  }
  return created;
}

export async function createSeries(deps: AppDeps, actor: Actor, input: TCreateTaskSeriesRequest): Promise<TTaskSeries> {
  assertCan(actor, 'tasks', 'create');
  const assigneeId = input.assigneeId ?? actor.userId;
  const assignee = await checkAssignee(deps, actor, assigneeId, 'assigneeId');
  await checkCustomerAndContact(deps, actor, input.customerId, input.contactId);
  if (input.endsOn && input.endsOn < input.startsOn) throw AppError.invalid('endsOn', 'min_value', { min: input.startsOn });
  const id = newId();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('task_series').values({
      id, tenant_id: actor.tenantId, subject: input.subject, type: input.type ?? 'other', description: input.description ?? null, assignee_id: assigneeId,
      customer_id: input.customerId ?? null, contact_id: input.contactId ?? null, priority: input.priority ?? 'normal',
      remind_offset_minutes: input.remindOffsetMinutes === undefined ? 15 : input.remindOffsetMinutes, rule: dbJson(deps.dialect, input.rule),
      starts_on: input.startsOn, ends_on: input.endsOn ?? null, active: dbBool(deps.dialect, true), created_by: actor.userId,
      created_at: now.toISOString(), updated_at: now.toISOString(),
    }).execute();
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'task_series', entityId: id, action: 'create', after: { subject: input.subject, rule: input.rule, assigneeId } });
    const s = toSeries((await scoped(trx, { ...actor, via: 'system' }).where('s.id', '=', id).executeTakeFirst())!);
    await materialise({ ...deps, db: trx }, { ...s, tenantId: actor.tenantId, timeZone: assignee.timezone }, now, new Date(now.getTime() + SERIES_HORIZON_MS));
  });
  return getSeries(deps, actor, id);
}

/** Pauses or resumes a series; pausing cancels its open occurrences still in the future. */
export async function updateSeries(deps: AppDeps, actor: Actor, id: string, input: TUpdateTaskSeriesRequest): Promise<TTaskSeries> {
  assertCan(actor, 'tasks', 'edit');
  const before = await getSeries(deps, actor, id);
  if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('task_series').set((eb) => ({ active: dbBool(deps.dialect, input.active), updated_at: now.toISOString(), version: eb('version', '+', 1) }))
      .where('tenant_id', '=', actor.tenantId).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
    if (!input.active) {
      await trx.updateTable('tasks').set({ status: 'cancelled', updated_at: now.toISOString() }).where('tenant_id', '=', actor.tenantId)
        .where('series_id', '=', id).where('status', '=', 'open').where('due_at', '>', now.toISOString()).execute();
    }
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'task_series', entityId: id, action: 'update', before: { active: before.active }, after: { active: input.active } });
  });
  if (input.active) await runTaskSeries(deps, now, id);
  return getSeries(deps, actor, id);
}

/** The `task-series` job: every active series has its occurrences for the coming horizon (no duplicates). */
export async function runTaskSeries(deps: JobDeps, now = deps.clock.now(), onlyId?: string): Promise<{ created: number }> {
  let created = 0;
  let after = '';
  for (;;) {
    let q = deps.db.selectFrom('task_series as s').innerJoin('users as u', (j) => j.onRef('u.id', '=', 's.assignee_id').onRef('u.tenant_id', '=', 's.tenant_id'))
      .select(['s.id', 's.tenant_id', 'u.timezone']).where('s.active', '=', dbBool(deps.dialect, true)).where('s.id', '>', after).orderBy('s.id').limit(200);
    if (onlyId) q = q.where('s.id', '=', onlyId);
    const batch = await q.execute();
    for (const b of batch) {
      const actor = { tenantId: b.tenant_id, via: 'system' } as Actor;
      const row = await scoped(deps.db, actor).where('s.id', '=', b.id).executeTakeFirst();
      if (!row) continue;
      created += await materialise(deps, { ...toSeries(row), tenantId: b.tenant_id, timeZone: b.timezone }, now, new Date(now.getTime() + SERIES_HORIZON_MS));
    }
    if (batch.length < 200) break;
    after = batch[batch.length - 1]!.id;
  }
  return { created };
}
