import type { TListFollowupsQuery } from '@guanxi/common/followups';
import { sql, type Updateable } from 'kysely';
import type { FollowupsTable } from '../../db/activities-tables';
import type { Db } from '../../db/database';
import { escapeLike, likeOperator, type DialectName } from '../../db/dialect';
import { scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { cappedCount, offsetOf } from '../../lib/pagination';

/**
 * Follow-ups the actor may reach: of a live customer of the tenant whose owner is in the actor's data scope, or
 * written by a follower in it (a colleague who followed up someone else's customer still sees their own records).
 */
function scoped(db: Db, actor: Actor) {
  return db
    .selectFrom('followups')
    .innerJoin('customers', (j) => j.onRef('customers.id', '=', 'followups.customer_id').onRef('customers.tenant_id', '=', 'followups.tenant_id'))
    .leftJoin('contacts', (j) => j.onRef('contacts.id', '=', 'followups.contact_id').onRef('contacts.tenant_id', '=', 'followups.tenant_id'))
    .leftJoin('users as follower', (j) => j.onRef('follower.id', '=', 'followups.follower_id').onRef('follower.tenant_id', '=', 'followups.tenant_id'))
    .where('followups.tenant_id', '=', actor.tenantId)
    .where('customers.deleted_at', 'is', null)
    .where((eb) => eb.or([scopeFilter(actor, { owner: 'customers.owner_id' }), scopeFilter(actor, { owner: 'followups.follower_id' })]));
}

const COLUMNS = [
  'followups.id', 'followups.customer_id', 'customers.name as customer_name', 'customers.status as customer_status', 'followups.contact_id',
  'contacts.name as contact_name', 'followups.followed_at', 'followups.method', 'followups.follower_id', 'follower.name as follower_name',
  'followups.content', 'followups.feedback', 'followups.next_action', 'followups.next_follow_up_at', 'followups.task_id', 'followups.version',
  'followups.created_at', 'followups.updated_at',
] as const;

export function findFollowup(db: Db, actor: Actor, id: string) {
  return scoped(db, actor).select(COLUMNS).where('followups.id', '=', id).executeTakeFirst();
}
export type FollowupRow = NonNullable<Awaited<ReturnType<typeof findFollowup>>>;

export async function listFollowups(db: Db, dialect: DialectName, actor: Actor, q: TListFollowupsQuery) {
  let base = scoped(db, actor);
  if (q.customerId) base = base.where('followups.customer_id', '=', q.customerId);
  if (q.followerId) base = base.where('followups.follower_id', '=', q.followerId);
  if (q.mine === 'true') base = base.where('followups.follower_id', '=', actor.userId);
  if (q.from) base = base.where('followups.followed_at', '>=', q.from);
  if (q.to) base = base.where('followups.followed_at', '<', q.to);
  if (q.q) base = base.where('followups.content', likeOperator(dialect), `%${escapeLike(q.q)}%`);
  const items = await base.select(COLUMNS).orderBy('followups.followed_at', 'desc').orderBy('followups.id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute();
  // A rep's whole history can be long: count only as far as the pager reaches (the workbench card shows six).
  const count = await cappedCount(db, base, q, items.length);
  return { items, total: count.total, capped: count.capped };
}

export async function updateFollowup(db: Db, tenantId: string, id: string, version: number, set: Updateable<FollowupsTable>) {
  const r = await db.updateTable('followups').set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The customer's last follow-up time is its latest remaining follow-up record (after a create, edit or delete). */
export async function refreshLastFollowUp(db: Db, tenantId: string, customerId: string): Promise<void> {
  await db.updateTable('customers').set({
    last_follow_up_at: sql`(select max(f.followed_at) from followups f where f.tenant_id = ${tenantId} and f.customer_id = ${customerId})`,
  }).where('tenant_id', '=', tenantId).where('id', '=', customerId).execute();
}
