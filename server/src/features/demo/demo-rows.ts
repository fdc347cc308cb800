import { generateDemoActivities, type DemoActivities } from './demo-activities';
import { generateDemoCustomer } from './demo-customers';
import { createdAtOf, shanghaiDay, type DemoPlan } from './demo-plan';
import { demoPoolState, demoSopTasks } from './demo-steady';

/**
 * The rows of one batch as one flat array of values per table, row after row in a fixed column order: cheap to
 * pass between threads (a few big arrays, not thousands of objects) and to bind to a multi-row prepared statement
 * (SQLite) or to transpose into unnest() arrays (PostgreSQL). Constant columns (custom = {}, version 1, no
 * deletion) are written by the SQL itself.
 */
export const CUSTOMER_COLUMNS = [
  'id', 'tenant_id', 'number', 'name', 'name_norm', 'type', 'industry', 'industry_note', 'source', 'size', 'province', 'city',
  'district', 'street', 'owner_id', 'status', 'requirement', 'product_preference', 'communication_preference', 'value_tier',
  'risk_level', 'first_contact_at', 'last_follow_up_at', 'won_at', 'purchase_frequency', 'avg_order_value', 'gender', 'birthday',
  'staff_count', 'annual_revenue', 'completeness', 'search_text', 'created_by', 'created_at', 'updated_at', 'follow_up_due_at',
  'pool_id', 'pooled_at', 'last_owner_id', 'pool_warned_at',
] as const;
export const CONTACT_COLUMNS = [
  'id', 'tenant_id', 'customer_id', 'name', 'title', 'mobile', 'landline', 'email', 'role', 'preferred_channel', 'notes',
  'is_primary', 'birthday', 'created_at', 'updated_at',
] as const;
export const CUSTOMER_TAG_COLUMNS = ['tenant_id', 'customer_id', 'tag_id', 'created_at'] as const;
export const EVENT_COLUMNS = ['id', 'tenant_id', 'customer_id', 'type', 'ref_type', 'ref_id', 'actor_id', 'actor_name', 'data', 'occurred_at'] as const;
export const FOLLOWUP_COLUMNS = [
  'id', 'tenant_id', 'customer_id', 'contact_id', 'followed_at', 'method', 'follower_id', 'content', 'feedback', 'next_action',
  'next_follow_up_at', 'task_id', 'created_by', 'created_at', 'updated_at',
] as const;
export const TASK_COLUMNS = [
  'id', 'tenant_id', 'subject', 'type', 'due_at', 'assignee_id', 'customer_id', 'contact_id', 'priority', 'status', 'remind_offset_minutes',
  'remind_at', 'reminded_at', 'done_at', 'on_time', 'source', 'followup_id', 'created_by', 'created_at', 'updated_at', 'sop_key',
] as const;
export const AUDIT_COLUMNS = ['id', 'tenant_id', 'actor_id', 'actor_name', 'entity', 'entity_id', 'action', 'changes', 'ip', 'created_at'] as const;
export const INTERACTION_COLUMNS = [
  'id', 'tenant_id', 'customer_id', 'contact_id', 'kind', 'direction', 'occurred_at', 'user_id', 'subject', 'content', 'duration_seconds',
  'problem_type', 'result', 'created_at', 'updated_at',
] as const;

export type DemoBatch = {
  count: number; customers: unknown[]; contacts: unknown[]; customerTags: unknown[]; events: unknown[];
  followups: unknown[]; tasks: unknown[]; interactions: unknown[]; audit: unknown[];
};

/** Customers per creation day (YYYYMMDD) for indexes [start, end), in index order (days come in order: time is monotone). */
export function dayCounts(plan: DemoPlan, start: number, end: number): Array<[day: string, count: number]> {
  const out: Array<[string, number]> = [];
  for (let i = start; i < end; i++) {
    const day = shanghaiDay(createdAtOf(plan, i));
    const last = out[out.length - 1];
    if (last && last[0] === day) last[1]++;
    else out.push([day, 1]);
  }
  return out;
}

/**
 * Customer numbers for a batch, given for each day the sequence value after reserving the day's count: the day's
 * customers get the `count` numbers up to it, in index (= creation time) order.
 */
export function numbersFor(days: Array<[day: string, count: number]>, reservedUpTo: number[]): string[] {
  const numbers: string[] = [];
  days.forEach(([day, count], d) => {
    const last = reservedUpTo[d]!;
    if (last > 9999) throw new Error(`more than 9999 customers on ${day}: customer numbers have four digits per day`);
    for (let seq = last - count + 1; seq <= last; seq++) numbers.push(`CUST${day}${String(seq).padStart(4, '0')}`);
  });
  return numbers;
}

/** The name the scheduled jobs write as (their system actor). */
const SYSTEM_NAME = '系统';
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Generates customers start … start + numbers.length − 1 with their contacts, tag links and 'created' timeline event,
 * their activities, and what the scheduled jobs would have done to them by plan.now (demo-steady): returned to the
 * pool (with the sweep's timeline event and audit entry) or warned, and the SOP tasks of owned customers without an
 * open follow-up task. A server started on the data finds nothing to catch up.
 */
export function demoBatch(plan: DemoPlan, start: number, numbers: readonly string[]): DemoBatch {
  const batch: DemoBatch = {
    count: numbers.length, customers: [], contacts: [], customerTags: [], events: [], followups: [], tasks: [], interactions: [], audit: [],
  };
  for (let k = 0; k < numbers.length; k++) {
    const r = generateDemoCustomer(plan, start + k, numbers[k]!);
    const c = r.customer;
    const pool = demoPoolState(plan, c);
    const a = generateDemoActivities(plan, start + k, c, r.contacts.map((ct) => ct.id), { pooled: pool.pooledAt !== null });
    const row: Record<string, unknown> = { ...c, follow_up_due_at: a.followUpDueAt, pool_id: null, pooled_at: null, last_owner_id: null, pool_warned_at: null };
    if (pool.pooledAt !== null) {
      // As moveToPool leaves it: no owner, in the default pool since the deadline, the owner remembered for the cooldown.
      Object.assign(row, { owner_id: null, pool_id: plan.poolId, pooled_at: iso(pool.pooledAt), last_owner_id: c.owner_id, updated_at: iso(pool.pooledAt) });
    } else if (pool.warnedAt !== null) {
      row.pool_warned_at = iso(pool.warnedAt);
    }
    const sop = pool.pooledAt === null && a.followUpDueAt === null ? demoSopTasks(plan, c) : [];
    if (sop.length) row.follow_up_due_at = sop.map((t) => t.dueAt).reduce((x, y) => (Date.parse(y) < Date.parse(x) ? y : x));
    for (const col of CUSTOMER_COLUMNS) batch.customers.push(row[col]);
    for (const ct of r.contacts) {
      batch.contacts.push(
        ct.id, c.tenant_id, c.id, ct.name, ct.title, ct.mobile, ct.landline, ct.email, ct.role, ct.preferred_channel, ct.notes,
        ct.is_primary, ct.birthday, ct.created_at, ct.created_at,
      );
    }
    for (const tagId of r.tagIds) batch.customerTags.push(c.tenant_id, c.id, tagId, c.created_at);
    // The same event createCustomer appends, with the owner as the one who entered the customer.
    batch.events.push(
      plan.newId(Date.parse(c.created_at)), c.tenant_id, c.id, 'created', null, null, c.owner_id, r.ownerName,
      JSON.stringify({ number: c.number, name: c.name }), c.created_at,
    );
    pushActivities(batch, c.tenant_id, c.id, a);
    // What insertSopTask writes: the task (no contact, reminder at the due time), and its timeline event by the system.
    for (const t of sop) {
      batch.tasks.push(
        t.id, c.tenant_id, t.subject, t.type, t.dueAt, c.owner_id, c.id, null, 'normal', 'open', 0,
        t.dueAt, t.remindedAt, null, null, 'sop', null, null, t.createdAt, t.createdAt, t.sopKey,
      );
      batch.events.push(
        plan.newId(Date.parse(t.createdAt)), c.tenant_id, c.id, 'task_created', 'task', t.id, null, SYSTEM_NAME,
        JSON.stringify({ subject: t.subject, dueAt: t.dueAt, assigneeId: c.owner_id, sop: true }), t.createdAt,
      );
    }
    if (pool.pooledAt !== null) {
      // What moveToPool writes besides the row, for the automatic return (the owner's notice is not replayed).
      const at = iso(pool.pooledAt);
      batch.events.push(
        plan.newId(pool.pooledAt), c.tenant_id, c.id, 'returned_to_pool', null, null, null, SYSTEM_NAME,
        JSON.stringify({ poolId: plan.poolId, from: c.owner_id, fromName: r.ownerName, auto: true, reason: null }), at,
      );
      batch.audit.push(
        plan.newId(pool.pooledAt), c.tenant_id, null, SYSTEM_NAME, 'customer', c.id, 'return_to_pool',
        JSON.stringify([{ field: 'ownerId', from: c.owner_id, to: null }]), null, at,
      );
    }
  }
  return batch;
}

/** Rows of one customer's follow-ups, tasks and interactions, with the timeline events the services append for them. */
function pushActivities(batch: DemoBatch, tenantId: string, customerId: string, a: DemoActivities) {
  const tasks = new Map(a.tasks.map((t) => [t.followup_id, t]));
  for (const f of a.followups) {
    batch.followups.push(
      f.id, tenantId, customerId, f.contact_id, f.followed_at, f.method, f.follower_id, f.content, f.feedback, f.next_action,
      f.next_follow_up_at, f.task_id, f.follower_id, f.followed_at, f.followed_at,
    );
    batch.events.push(
      f.id, tenantId, customerId, 'followup_logged', 'followup', f.id, f.follower_id, f.follower_name,
      JSON.stringify({ method: f.method, content: f.content.slice(0, 200), feedback: f.feedback, nextFollowUpAt: f.next_follow_up_at }), f.followed_at,
    );
    const t = tasks.get(f.id);
    if (!t) continue;
    batch.tasks.push(
      t.id, tenantId, t.subject, t.type, t.due_at, t.assignee_id, customerId, f.contact_id, t.priority, t.status, 15,
      t.remind_at, t.reminded_at, t.done_at, t.on_time === null ? null : t.on_time ? 1 : 0, 'followup', f.id, f.follower_id, t.created_at,
      t.done_at ?? t.created_at, null,
    );
    batch.events.push(
      t.id, tenantId, customerId, 'task_created', 'task', t.id, f.follower_id, f.follower_name,
      JSON.stringify({ subject: t.subject, dueAt: t.due_at, assigneeId: t.assignee_id }), t.created_at,
    );
  }
  for (const x of a.interactions) {
    batch.interactions.push(
      x.id, tenantId, customerId, x.contact_id, x.kind, x.direction, x.occurred_at, x.user_id, x.subject, x.content, x.duration_seconds,
      x.problem_type, x.result, x.occurred_at, x.occurred_at,
    );
    batch.events.push(
      x.id, tenantId, customerId, 'interaction_logged', 'interaction', x.id, x.user_id, x.user_name,
      JSON.stringify({ kind: x.kind, direction: x.direction, subject: x.subject }), x.occurred_at,
    );
  }
}
