import { plannedSopTasks } from '../followups/followup-sop.service';
import { poolDeadline } from '../pools/pools.service';
import { DAY_MS, type DemoPlan } from './demo-plan';

/** The customer columns the steady state reads. */
export type SteadyCustomer = {
  id: string; name: string; owner_id: string | null; status: string; value_tier: string | null; created_at: string;
  last_follow_up_at: string | null; won_at: string | null;
};

/** Where the pool rules have this customer at `plan.now`, as the pool sweep, run all along, would have left it. */
export type DemoPoolState = {
  /** When the sweep returned it to the default pool (its deadline), or null: still owned. */
  pooledAt: number | null;
  /** When the sweep warned its owner that the deadline is near (it is within the warning days), or null. */
  warnedAt: number | null;
};

/**
 * The pool sweep's verdict at plan.now for a demo customer: returned when its deadline (poolDeadline: the same rule as
 * the sweep's SQL) is before now, warned when it falls before now + the warning days. Strict comparisons, as the
 * sweep's `<`, so a run of the sweep at plan.now finds nothing to do. Demo customers are never locked and their
 * owner has held them since creation (owned_since is null).
 */
export function demoPoolState(plan: DemoPlan, c: SteadyCustomer): DemoPoolState {
  if (!plan.poolId) return { pooledAt: null, warnedAt: null };
  const deadline = poolDeadline(plan.poolRules, {
    ownerId: c.owner_id, poolId: null, status: c.status, valueTier: c.value_tier, locked: false, lastFollowUpAt: c.last_follow_up_at,
    ownedSince: null, createdAt: c.created_at,
  })?.getTime();
  if (deadline === undefined) return { pooledAt: null, warnedAt: null };
  if (deadline < plan.now) return { pooledAt: deadline, warnedAt: null };
  const warn = plan.poolRules.warnDaysBefore * DAY_MS;
  return { pooledAt: null, warnedAt: warn > 0 && deadline < plan.now + warn ? deadline - warn : null };
}

export type DemoSopTask = {
  id: string; sopKey: string; subject: string; type: string; dueAt: string; remindedAt: string | null; createdAt: string;
};

/**
 * The SOP tasks the `followup-sop` job would have created for an owned customer without an open follow-up task:
 * plannedSopTasks at plan.now (same keys, subjects, types and due times, so the job finds them and creates nothing),
 * created by the hourly job within the hour after the customer's latest change (creation, deal, last follow-up), and
 * their reminder (at the due time, as insertSopTask sets it) marked sent when it is not after now.
 */
export function demoSopTasks(plan: DemoPlan, c: SteadyCustomer): DemoSopTask[] {
  if (!c.owner_id) return [];
  const planned = plannedSopTasks(c, plan.sop, new Date(plan.now));
  if (!planned.length) return [];
  const latest = Math.max(...[c.created_at, c.last_follow_up_at, c.won_at].filter((v): v is string => v !== null).map(Date.parse));
  const createdAt = Math.min(plan.now, latest + 3_600_000);
  return planned.map((p) => {
    const due = Date.parse(p.dueAt);
    return {
      id: plan.newId(createdAt), sopKey: p.sopKey, subject: p.subject, type: p.type, dueAt: p.dueAt, createdAt: new Date(createdAt).toISOString(),
      remindedAt: due <= plan.now ? new Date(Math.max(due, createdAt)).toISOString() : null,
    };
  });
}
