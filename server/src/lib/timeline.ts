import type { TTimelineEvent } from '@guanxi/common/customers';
import type { Db } from '../db/database';
import { dbJson, readJson, readTimestamp, type DialectName } from '../db/dialect';
import type { Actor } from './actor';
import type { Clock } from './clock';
import { newId } from './ids';
import { offsetOf } from './pagination';

/**
 * The one timeline of a customer. Every module appends its events here in the same transaction as the change
 * (created, updated with field changes, transferred, tagged, attachment added; later follow-ups, tasks, calls,
 * tickets, orders, campaign touches), and the customer 360 page reads them newest first.
 */
export type TimelineInput = {
  customerId: string;
  type: string;
  refType?: string;
  refId?: string;
  data?: Record<string, unknown>;
  at?: string;
};

export async function appendTimeline(deps: { db: Db; dialect: DialectName; clock: Clock }, actor: Actor, e: TimelineInput): Promise<void> {
  await deps.db
    .insertInto('timeline_events')
    .values({
      id: newId(), tenant_id: actor.tenantId, customer_id: e.customerId, type: e.type, ref_type: e.refType ?? null,
      ref_id: e.refId ?? null, actor_id: actor.via === 'system' ? null : actor.userId, actor_name: actor.name,
      data: dbJson(deps.dialect, e.data ?? {}), occurred_at: e.at ?? deps.clock.now().toISOString(),
    })
    .execute();
}

/** One page of a customer's timeline, newest first, optionally of some event types. Access is checked by the caller. */
export async function readTimeline(db: Db, tenantId: string, customerId: string, q: { page: number; pageSize: number; types?: string[] }) {
  let base = db.selectFrom('timeline_events').where('tenant_id', '=', tenantId).where('customer_id', '=', customerId);
  if (q.types?.length) base = base.where('type', 'in', q.types);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: TTimelineEvent[] = rows.map((r) => ({
    id: r.id, type: r.type, refType: r.ref_type, refId: r.ref_id, actorId: r.actor_id, actorName: r.actor_name,
    data: readJson<Record<string, unknown>>(r.data, {}), occurredAt: readTimestamp(r.occurred_at),
  }));
  return { items, total: Number(total.n) };
}

/** Moves a customer's timeline to another customer (merge keeps every history entry). */
export async function moveTimeline(db: Db, tenantId: string, fromCustomerId: string, toCustomerId: string): Promise<void> {
  await db.updateTable('timeline_events').set({ customer_id: toCustomerId })
    .where('tenant_id', '=', tenantId).where('customer_id', '=', fromCustomerId).execute();
}

/** Many timeline events in one multi-row INSERT (a batch of imported customers), in the caller's transaction. */
export async function appendTimelineMany(deps: { db: Db; dialect: DialectName; clock: Clock }, actor: Actor, events: TimelineInput[]): Promise<void> {
  const now = deps.clock.now().toISOString();
  for (let i = 0; i < events.length; i += 500) {
    await deps.db.insertInto('timeline_events').values(events.slice(i, i + 500).map((e) => ({
      id: newId(), tenant_id: actor.tenantId, customer_id: e.customerId, type: e.type, ref_type: e.refType ?? null,
      ref_id: e.refId ?? null, actor_id: actor.via === 'system' ? null : actor.userId, actor_name: actor.name,
      data: dbJson(deps.dialect, e.data ?? {}), occurred_at: e.at ?? now,
    }))).execute();
  }
}
