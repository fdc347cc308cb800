import type { TListTasksQuery } from '@guanxi/common/tasks';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { TasksTable } from '../../db/activities-tables';
import type { Db } from '../../db/database';
import { escapeLike, likeOperator, type DialectName } from '../../db/dialect';
import { scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { offsetOf } from '../../lib/pagination';

/** Tasks the actor may reach: the tenant's, assigned to someone within the actor's data scope. */
function scoped(db: Db, actor: Actor) {
  return db
    .selectFrom('tasks')
    .leftJoin('users as assignee', (j) => j.onRef('assignee.id', '=', 'tasks.assignee_id').onRef('assignee.tenant_id', '=', 'tasks.tenant_id'))
    .leftJoin('customers', (j) => j.onRef('customers.id', '=', 'tasks.customer_id').onRef('customers.tenant_id', '=', 'tasks.tenant_id'))
    .where('tasks.tenant_id', '=', actor.tenantId)
    .where(scopeFilter(actor, { owner: 'tasks.assignee_id' }));
}

const COLUMNS = [
  'tasks.id', 'tasks.subject', 'tasks.type', 'tasks.description', 'tasks.due_at', 'tasks.assignee_id', 'assignee.name as assignee_name',
  'tasks.customer_id', 'customers.name as customer_name', 'tasks.contact_id', 'tasks.priority', 'tasks.status', 'tasks.remind_offset_minutes',
  'tasks.remind_at', 'tasks.reminded_at', 'tasks.done_at', 'tasks.on_time', 'tasks.source', 'tasks.followup_id', 'tasks.series_id',
  'tasks.version', 'tasks.created_at', 'tasks.updated_at',
] as const;

export function findTask(db: Db, actor: Actor, id: string) {
  return scoped(db, actor).select(COLUMNS).where('tasks.id', '=', id).executeTakeFirst();
}
export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

const SORTS = { dueAt: 'tasks.due_at', createdAt: 'tasks.created_at', priority: 'tasks.priority' } as const;
export type TaskSort = { column: (typeof SORTS)[keyof typeof SORTS]; direction: 'asc' | 'desc' };
export const TASK_SORTS = SORTS;

export async function listTasks(db: Db, dialect: DialectName, actor: Actor, q: TListTasksQuery, sort: TaskSort, nowIso: string) {
  let base = scoped(db, actor);
  if (q.mine === 'true') base = base.where('tasks.assignee_id', '=', actor.userId);
  if (q.assigneeId) base = base.where('tasks.assignee_id', '=', q.assigneeId);
  if (q.status) base = base.where('tasks.status', '=', q.status);
  if (q.customerId) base = base.where('tasks.customer_id', '=', q.customerId);
  if (q.source) base = base.where('tasks.source', '=', q.source);
  if (q.dueFrom) base = base.where('tasks.due_at', '>=', q.dueFrom);
  if (q.dueTo) base = base.where('tasks.due_at', '<', q.dueTo);
  if (q.overdue === 'true') base = base.where('tasks.status', '=', 'open').where('tasks.due_at', '<', nowIso);
  if (q.q) base = base.where('tasks.subject', likeOperator(dialect), `%${escapeLike(q.q)}%`);
  const [items, total] = await Promise.all([
    base.select(COLUMNS).orderBy(sort.column, sort.direction).orderBy('tasks.id', sort.direction).limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function insertTask(db: Db, row: Insertable<TasksTable>): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

/** Inserts a generated task (series occurrence, SOP task) unless its unique key already exists; true when inserted. */
export async function insertTaskOnce(db: Db, row: Insertable<TasksTable>, key: 'series' | 'sop'): Promise<boolean> {
  const cols = key === 'series' ? (['series_id', 'occurrence_at'] as const) : (['tenant_id', 'sop_key'] as const);
  const r = await db.insertInto('tasks').values(row).onConflict((oc) => oc.columns([...cols]).doNothing()).returning('id').executeTakeFirst();
  return r !== undefined;
}

export async function updateTask(db: Db, tenantId: string, id: string, version: number, set: Updateable<TasksTable>) {
  const r = await db.updateTable('tasks').set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An active user of the tenant within the actor's data scope (who the actor may assign work to). */
export function assignableUser(db: Db, actor: Actor, userId: string) {
  return db.selectFrom('users').select(['id', 'name', 'timezone', 'active']).where('tenant_id', '=', actor.tenantId).where('id', '=', userId)
    .where(scopeFilter(actor, { owner: 'users.id' })).executeTakeFirst();
}

/**
 * Keeps customers.follow_up_due_at equal to the due time of the customer's earliest open follow-up task (from a
 * follow-up's next time or the SOP). Runs in the caller's transaction whenever such a task changes.
 */
export async function refreshFollowUpDue(db: Db, tenantId: string, customerId: string | null): Promise<void> {
  if (!customerId) return;
  await db.updateTable('customers').set({
    follow_up_due_at: sql`(select min(t.due_at) from tasks t where t.tenant_id = ${tenantId} and t.customer_id = ${customerId}
      and t.status = 'open' and t.source in ('followup', 'sop'))`,
  }).where('tenant_id', '=', tenantId).where('id', '=', customerId).execute();
}
