import type { TListContactsQuery } from '@guanxi/common/contacts';
import type { Updateable } from 'kysely';
import type { ContactsTable, Db } from '../../db/database';
import { escapeLike, likeOperator, type DialectName } from '../../db/dialect';
import { scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { offsetOf, parseSort } from '../../lib/pagination';

/** Contacts whose customer the actor may reach (tenant, data scope of the customer's owner, not in the recycle bin). */
function scoped(db: Db, actor: Actor) {
  return db
    .selectFrom('contacts')
    .innerJoin('customers', 'customers.id', 'contacts.customer_id')
    .where('contacts.tenant_id', '=', actor.tenantId)
    .where('customers.tenant_id', '=', actor.tenantId)
    .where('customers.deleted_at', 'is', null)
    .where(scopeFilter(actor, { owner: 'customers.owner_id' }));
}

const COLUMNS = [
  'contacts.id', 'contacts.customer_id', 'customers.name as customer_name', 'contacts.name', 'contacts.title',
  'contacts.mobile', 'contacts.landline', 'contacts.email', 'contacts.role', 'contacts.preferred_channel', 'contacts.notes',
  'contacts.is_primary', 'contacts.birthday', 'contacts.custom', 'contacts.version', 'contacts.created_at', 'contacts.updated_at',
] as const;

export function findContact(db: Db, actor: Actor, id: string) {
  return scoped(db, actor).select(COLUMNS).where('contacts.id', '=', id).executeTakeFirst();
}
export type ContactRow = NonNullable<Awaited<ReturnType<typeof findContact>>>;

const SORTS = {
  name: 'contacts.name', createdAt: 'contacts.created_at', updatedAt: 'contacts.updated_at', customerName: 'customers.name',
} as const;

function filteredContacts(db: Db, dialect: DialectName, actor: Actor, q: Pick<TListContactsQuery, 'customerId' | 'mobile' | 'q'> & { mobileDigits?: string | null }) {
  let base = scoped(db, actor);
  if (q.customerId) base = base.where('contacts.customer_id', '=', q.customerId);
  if (q.mobile !== undefined) base = base.where('contacts.mobile', '=', q.mobileDigits ?? '-');
  if (q.q) {
    const p = `%${escapeLike(q.q)}%`;
    const like = likeOperator(dialect);
    base = base.where((eb) => eb.or([eb('contacts.name', like, p), eb('contacts.email', like, p), eb('contacts.mobile', 'like', p)]));
  }
  return base;
}

export async function listContacts(db: Db, dialect: DialectName, actor: Actor, q: TListContactsQuery & { mobileDigits?: string | null }) {
  const base = filteredContacts(db, dialect, actor, q);
  // Without a sort: the primary contact first, then in the order they were added.
  const sort = q.sort ? parseSort(q.sort, SORTS, { column: 'contacts.created_at', direction: 'asc' }) : null;
  const ordered = sort
    ? base.select(COLUMNS).orderBy(sort.column, sort.direction).orderBy('contacts.id', sort.direction)
    : base.select(COLUMNS).orderBy('contacts.is_primary', 'desc').orderBy('contacts.created_at').orderBy('contacts.id');
  const [items, total] = await Promise.all([
    ordered.limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function updateContact(db: Db, tenantId: string, id: string, version: number, set: Updateable<ContactsTable>) {
  const r = await db.updateTable('contacts').set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Makes one contact the customer's only primary contact. */
export async function setPrimary(db: Db, dialect: DialectName, tenantId: string, customerId: string, contactId: string) {
  const yes = dialect === 'postgres' ? true : 1;
  const no = dialect === 'postgres' ? false : 0;
  await db.updateTable('contacts').set({ is_primary: no }).where('tenant_id', '=', tenantId).where('customer_id', '=', customerId).where('id', '!=', contactId).execute();
  await db.updateTable('contacts').set({ is_primary: yes }).where('tenant_id', '=', tenantId).where('id', '=', contactId).execute();
}

export async function deleteContact(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('contacts').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export function otherContactId(db: Db, tenantId: string, customerId: string, exceptId: string) {
  return db.selectFrom('contacts').select('id').where('tenant_id', '=', tenantId).where('customer_id', '=', customerId)
    .where('id', '!=', exceptId).orderBy('created_at').executeTakeFirst();
}

/** The list's contacts for an export: the count, and keyset pages in id order after `afterId`. */
export function exportContactRows(db: Db, dialect: DialectName, actor: Actor, q: Pick<TListContactsQuery, 'customerId' | 'mobile' | 'q'> & { mobileDigits?: string | null }) {
  const base = filteredContacts(db, dialect, actor, q);
  return {
    count: async () => Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    page: (afterId: string | null, limit: number) =>
      (afterId ? base.where('contacts.id', '>', afterId) : base).select(COLUMNS).orderBy('contacts.id').limit(limit).execute(),
  };
}
