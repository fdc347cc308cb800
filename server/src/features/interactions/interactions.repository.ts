import type { TListInteractionsQuery } from '@guanxi/common/interactions';
import type { Updateable } from 'kysely';
import type { InteractionsTable } from '../../db/activities-tables';
import type { Db } from '../../db/database';
import { scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { offsetOf } from '../../lib/pagination';

/** Interactions of live customers of the tenant whose owner, or the interaction's own user, is in the actor's scope. */
function scoped(db: Db, actor: Actor) {
  return db
    .selectFrom('interactions')
    .innerJoin('customers', (j) => j.onRef('customers.id', '=', 'interactions.customer_id').onRef('customers.tenant_id', '=', 'interactions.tenant_id'))
    .leftJoin('contacts', (j) => j.onRef('contacts.id', '=', 'interactions.contact_id').onRef('contacts.tenant_id', '=', 'interactions.tenant_id'))
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'interactions.user_id').onRef('users.tenant_id', '=', 'interactions.tenant_id'))
    .where('interactions.tenant_id', '=', actor.tenantId)
    .where('customers.deleted_at', 'is', null)
    .where((eb) => eb.or([scopeFilter(actor, { owner: 'customers.owner_id' }), scopeFilter(actor, { owner: 'interactions.user_id' })]));
}

const COLUMNS = [
  'interactions.id', 'interactions.customer_id', 'customers.name as customer_name', 'interactions.contact_id', 'contacts.name as contact_name',
  'interactions.kind', 'interactions.direction', 'interactions.occurred_at', 'interactions.user_id', 'users.name as user_name',
  'interactions.subject', 'interactions.content', 'interactions.duration_seconds', 'interactions.problem_type', 'interactions.result',
  'interactions.version', 'interactions.created_at', 'interactions.updated_at',
] as const;

export function findInteraction(db: Db, actor: Actor, id: string) {
  return scoped(db, actor).select(COLUMNS).where('interactions.id', '=', id).executeTakeFirst();
}
export type InteractionRow = NonNullable<Awaited<ReturnType<typeof findInteraction>>>;

export async function listInteractions(db: Db, actor: Actor, q: TListInteractionsQuery) {
  let base = scoped(db, actor);
  if (q.customerId) base = base.where('interactions.customer_id', '=', q.customerId);
  if (q.contactId) base = base.where('interactions.contact_id', '=', q.contactId);
  if (q.kind) base = base.where('interactions.kind', '=', q.kind);
  const [items, total] = await Promise.all([
    base.select(COLUMNS).orderBy('interactions.occurred_at', 'desc').orderBy('interactions.id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function updateInteraction(db: Db, tenantId: string, id: string, version: number, set: Updateable<InteractionsTable>) {
  const r = await db.updateTable('interactions').set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
