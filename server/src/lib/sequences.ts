import type { Db } from '../db/database';

/**
 * Advances a per-tenant counter atomically and returns the new value: one INSERT … ON CONFLICT DO UPDATE …
 * RETURNING, which both databases execute as a single atomic step, so concurrent callers (even in several
 * processes) never get the same value.
 */
export async function nextSequence(db: Db, tenantId: string, name: string, period: string): Promise<number> {
  const row = await db
    .insertInto('sequences')
    .values({ tenant_id: tenantId, name, period, value: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'name', 'period']).doUpdateSet((eb) => ({ value: eb('sequences.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** The calendar day (YYYYMMDD) of an instant in a time zone. */
export function dayInZone(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}

/**
 * Advances a per-tenant counter by `count` in one atomic step and returns the first of the `count` values drawn
 * (they are first, first + 1, … first + count - 1): a batch of imported customers takes its numbers at once.
 */
export async function nextSequenceRange(db: Db, tenantId: string, name: string, period: string, count: number): Promise<number> {
  const row = await db
    .insertInto('sequences')
    .values({ tenant_id: tenantId, name, period, value: count })
    .onConflict((oc) => oc.columns(['tenant_id', 'name', 'period']).doUpdateSet((eb) => ({ value: eb('sequences.value', '+', count) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}
