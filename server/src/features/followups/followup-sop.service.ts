import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { DEFAULT_FOLLOWUP_SOP, ZFollowupSop, type TDueCustomer, type TDueCustomersQuery, type TFollowupSop, type TFollowupSopSettings, type TUpdateFollowupSopRequest } from '@guanxi/common/followup-sop';
import type { TPage } from '@guanxi/common/pagination';
import type { Db } from '../../db/database';
import { dbJson, readJson, readTimestamp, type DialectName } from '../../db/dialect';
import { assertCan, scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { offsetOf, pageOf } from '../../lib/pagination';
import { insertSopTask } from '../tasks/tasks.service';

const KEY = 'followup_sop';
const DAY = 86_400_000;
const BATCH = 500;
type JobDeps = { db: Db; dialect: DialectName; clock: Clock };

async function readSop(db: Db, tenantId: string): Promise<TFollowupSopSettings> {
  const row = await db.selectFrom('tenant_settings').select(['value', 'version']).where('tenant_id', '=', tenantId).where('key', '=', KEY).executeTakeFirst();
  const parsed = ZFollowupSop.safeParse(readJson(row?.value, null));
  return { sop: parsed.success ? parsed.data : DEFAULT_FOLLOWUP_SOP, version: row?.version ?? 0 };
}

/** The tenant's cadence as the job reads it, without an actor (the demo seed plans what the job would create). */
export async function followupSopOf(db: Db, tenantId: string): Promise<TFollowupSop> {
  return (await readSop(db, tenantId)).sop;
}

export async function getFollowupSop(deps: AppDeps, actor: Actor): Promise<TFollowupSopSettings> {
  assertCan(actor, 'followups', 'view');
  return readSop(deps.db, actor.tenantId);
}

/** Saves the cadence (admins: settings/manage); the next SOP run applies it to customers without an open follow-up task. */
export async function saveFollowupSop(deps: AppDeps, actor: Actor, input: TUpdateFollowupSopRequest): Promise<TFollowupSopSettings> {
  assertCan(actor, 'settings', 'manage');
  const before = await readSop(deps.db, actor.tenantId);
  if (input.version !== before.version) throw new AppError('VERSION_CONFLICT');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('tenant_settings').values({ tenant_id: actor.tenantId, key: KEY, value: dbJson(deps.dialect, input.sop), updated_at: now })
      .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet((eb) => ({ value: dbJson(deps.dialect, input.sop), updated_at: now, version: eb('tenant_settings.version', '+', 1) })))
      .execute();
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'settings', entityId: KEY, action: 'update', before: before.sop, after: input.sop });
  });
  return readSop(deps.db, actor.tenantId);
}

/** Customers whose earliest open follow-up task is due within `withinDays` (overdue ones first). */
export async function listDueCustomers(deps: AppDeps, actor: Actor, q: TDueCustomersQuery): Promise<TPage<TDueCustomer>> {
  assertCan(actor, 'customers', 'view');
  const now = deps.clock.now();
  const until = new Date(now.getTime() + q.withinDays * DAY).toISOString();
  let base = deps.db.selectFrom('customers').leftJoin('users', (j) => j.onRef('users.id', '=', 'customers.owner_id').onRef('users.tenant_id', '=', 'customers.tenant_id'))
    .where('customers.tenant_id', '=', actor.tenantId).where('customers.deleted_at', 'is', null)
    .where('customers.follow_up_due_at', 'is not', null).where('customers.follow_up_due_at', '<=', q.withinDays === 0 ? now.toISOString() : until)
    .where(scopeFilter(actor, { owner: 'customers.owner_id' }));
  if (q.mine === 'true') base = base.where('customers.owner_id', '=', actor.userId);
  const [rows, total] = await Promise.all([
    base.select(['customers.id', 'customers.name', 'customers.number', 'customers.status', 'customers.owner_id', 'users.name as owner_name',
      'customers.last_follow_up_at', 'customers.follow_up_due_at'])
      .orderBy('customers.follow_up_due_at').orderBy('customers.id').limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return pageOf(rows.map((r) => {
    const due = readTimestamp(r.follow_up_due_at);
    return {
      id: r.id, name: r.name, number: r.number, status: r.status, ownerId: r.owner_id, ownerName: r.owner_name ?? null,
      lastFollowUpAt: readTimestamp(r.last_follow_up_at, true), followUpDueAt: due, overdue: new Date(due).getTime() < now.getTime(),
    };
  }), Number(total.n), q);
}

type Candidate = { id: string; name: string; status: string; owner_id: string | null; created_at: unknown; last_follow_up_at: unknown; won_at: unknown };
type Planned = { sopKey: string; subject: string; type: 'call' | 'email'; dueAt: string };

const at = (v: unknown) => (v === null || v === undefined ? null : new Date(v instanceof Date ? v : String(v)));
const day = (d: Date) => d.toISOString().slice(0, 10);
function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

/** The SOP tasks a customer without an open follow-up task should get now (pure: tested through the job). */
export function plannedSopTasks(c: Candidate, sop: TFollowupSop, now: Date): Planned[] {
  const created = at(c.created_at)!;
  const last = at(c.last_follow_up_at);
  if (c.status === 'potential' && sop.potential.enabled && !last) {
    return [{ sopKey: `potential-first:${c.id}`, subject: `首次跟进：${c.name}`, type: 'call', dueAt: new Date(created.getTime() + sop.potential.firstWithinDays * DAY).toISOString() }];
  }
  if (c.status === 'intent' && sop.intent.enabled) {
    const due = new Date((last ?? created).getTime() + sop.intent.everyDays * DAY);
    return [{ sopKey: `intent:${c.id}:${day(due)}`, subject: `意向客户例行跟进：${c.name}`, type: 'call', dueAt: due.toISOString() }];
  }
  if (c.status !== 'won') return [];
  const won = at(c.won_at) ?? created;
  const loyalFrom = addMonths(won, sop.loyal.afterMonths);
  if (now < loyalFrom) {
    if (!sop.won.enabled || (last && last >= won)) return [];
    const due = new Date(won.getTime() + sop.won.withinDays * DAY).toISOString();
    const tasks: Planned[] = [{ sopKey: `won-onboard:${c.id}`, subject: `成交回访：${c.name}`, type: 'call', dueAt: due }];
    if (sop.won.survey) tasks.push({ sopKey: `won-survey:${c.id}`, subject: `发送客户满意度调查问卷：${c.name}`, type: 'email', dueAt: due });
    return tasks;
  }
  if (!sop.loyal.enabled) return [];
  const base = last && last > won ? last : won;
  const next = addMonths(base, sop.loyal.everyMonths);
  const due = next < loyalFrom ? loyalFrom : next;
  return [{ sopKey: `loyal:${c.id}:${day(due)}`, subject: `老客户季度回访：${c.name}`, type: 'call', dueAt: due.toISOString() }];
}

/**
 * The `followup-sop` job: every owned customer without an open follow-up task gets the task its lifecycle stage's
 * cadence asks for, assigned to its owner. Keys make a second run (or a second process) create nothing twice; a
 * customer's follow_up_due_at (overdue when past) follows from the task.
 */
export async function runFollowupSop(deps: JobDeps, now = deps.clock.now()): Promise<{ created: number }> {
  let created = 0;
  const tenants = await deps.db.selectFrom('tenants').select('id').execute();
  for (const { id: tenantId } of tenants) {
    const { sop } = await readSop(deps.db, tenantId);
    const actor = { tenantId, userId: 'system', name: '系统', via: 'system' } as Actor;
    let after = '';
    for (;;) {
      const batch: Candidate[] = await deps.db.selectFrom('customers')
        .select(['id', 'name', 'status', 'owner_id', 'created_at', 'last_follow_up_at', 'won_at'])
        .where('tenant_id', '=', tenantId).where('deleted_at', 'is', null).where('owner_id', 'is not', null).where('follow_up_due_at', 'is', null)
        .where('status', 'in', ['potential', 'intent', 'won']).where('id', '>', after).orderBy('id').limit(BATCH).execute();
      await yieldToLoop(); // let HTTP requests in between batches
      for (const c of batch) {
        const planned = plannedSopTasks(c, sop, now);
        if (!planned.length) continue;
        await deps.db.transaction().execute(async (trx) => {
          for (const p of planned) if (await insertSopTask({ ...deps, db: trx }, actor, { ...p, assigneeId: c.owner_id!, customerId: c.id })) created++;
        });
      }
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1]!.id;
    }
  }
  return { created };
}
