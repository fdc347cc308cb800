import type { Db } from '../../db/database';

export type ThrottleState = { failures: number; firstFailureAt: string; lockedUntil: string | null };

const iso = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v.toISOString() : v);

export async function readThrottle(db: Db, key: string): Promise<ThrottleState | null> {
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  return { failures: row.failures, firstFailureAt: iso(row.first_failure_at)!, lockedUntil: iso(row.locked_until) };
}

export async function writeThrottle(db: Db, key: string, s: ThrottleState): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values({ key, failures: s.failures, first_failure_at: s.firstFailureAt, locked_until: s.lockedUntil })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures: s.failures, first_failure_at: s.firstFailureAt, locked_until: s.lockedUntil }),
    )
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
