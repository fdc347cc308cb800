import type { TPoolRules } from '@guanxi/common/pools';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { dbBool, laterOf, type DialectName } from '../../db/dialect';

const DAY = 86_400_000;
const TIERS = ['A', 'B', 'C'] as const;

type Days = NonNullable<TPoolRules['noFollowUpDays']>;
const daysFor = (d: Days, tier: string | null) => (tier && (d as Record<string, number | undefined>)[tier]) || d.default;

export type PoolFacts = {
  ownerId: string | null; poolId: string | null; status: string; valueTier: string | null; locked: boolean;
  lastFollowUpAt: string | null; ownedSince: string | null; createdAt: string;
};

/**
 * When an owned customer returns to the pool under `rules`: the earlier of "no follow-up for N days" (from the
 * later of the last follow-up and the day the owner got it) and "no deal for M days" (from the day the owner got
 * it). Null when it never will (in a pool, exempt, or auto-return off).
 */
export function poolDeadline(rules: TPoolRules, c: PoolFacts): Date | null {
  if (!c.ownerId || c.poolId || !rules.autoReturn) return null;
  if ((rules.exemptWon && c.status === 'won') || (rules.exemptLocked && c.locked)) return null;
  const since = new Date(c.ownedSince ?? c.createdAt).getTime();
  const lastTouch = Math.max(since, c.lastFollowUpAt ? new Date(c.lastFollowUpAt).getTime() : 0);
  const candidates: number[] = [];
  if (rules.noFollowUpDays) candidates.push(lastTouch + daysFor(rules.noFollowUpDays, c.valueTier) * DAY);
  if (rules.noDealDays && c.status !== 'won') candidates.push(since + daysFor(rules.noDealDays, c.valueTier) * DAY);
  return candidates.length ? new Date(Math.min(...candidates)) : null;
}

export function daysLeft(deadline: Date | null, now: Date): number | null {
  return deadline ? Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / DAY)) : null;
}

function byTier(d: Days, at: Date, expr: RawBuilder<unknown>): RawBuilder<SqlBool> {
  const threshold = (days: number) => new Date(at.getTime() - days * DAY).toISOString();
  const explicit = TIERS.filter((t) => d[t] !== undefined);
  const parts = explicit.map((t) => sql<SqlBool>`(customers.value_tier = ${t} and ${expr} < ${threshold(d[t]!)})`);
  const rest = explicit.length
    ? sql<SqlBool>`((customers.value_tier is null or customers.value_tier not in (${sql.join(explicit)})) and ${expr} < ${threshold(d.default)})`
    : sql<SqlBool>`${expr} < ${threshold(d.default)}`;
  return sql<SqlBool>`(${sql.join([...parts, rest], sql` or `)})`;
}

/**
 * SQL for "this owned customer's deadline is before `at`" — the same rule as poolDeadline, for sweeping
 * millions of rows with indexes instead of loading them.
 */
export function dueBefore(dialect: DialectName, rules: TPoolRules, at: Date): RawBuilder<SqlBool> | null {
  if (!rules.autoReturn || (!rules.noFollowUpDays && !rules.noDealDays)) return null;
  const since = sql`coalesce(customers.owned_since, customers.created_at)`;
  const lastTouch = laterOf(dialect, sql`customers.last_follow_up_at`, since);
  const conditions: RawBuilder<SqlBool>[] = [];
  if (rules.noFollowUpDays) conditions.push(byTier(rules.noFollowUpDays, at, lastTouch));
  if (rules.noDealDays) conditions.push(sql<SqlBool>`(customers.status <> 'won' and ${byTier(rules.noDealDays, at, since)})`);
  const exempt: RawBuilder<SqlBool>[] = [];
  if (rules.exemptWon) exempt.push(sql<SqlBool>`customers.status <> 'won'`);
  if (rules.exemptLocked) exempt.push(sql<SqlBool>`customers.locked = ${dbBool(dialect, false)}`);
  return sql<SqlBool>`(customers.owner_id is not null and customers.pool_id is null and customers.deleted_at is null
    ${exempt.length ? sql` and ${sql.join(exempt, sql` and `)}` : sql``} and (${sql.join(conditions, sql` or `)}))`;
}
