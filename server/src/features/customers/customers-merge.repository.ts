import { dbBool, type DialectName } from '../../db/dialect';
import type { Db } from '../../db/database';

/** Contacts of a customer, oldest first (what a merge moves). */
export function contactsToMove(db: Db, tenantId: string, customerId: string) {
  return db.selectFrom('contacts').select(['id', 'name']).where('tenant_id', '=', tenantId).where('customer_id', '=', customerId)
    .orderBy('created_at').orderBy('id').execute();
}

/** Moves every contact of one customer to another as non-primary contacts (the target keeps its primary one). */
export async function moveContacts(db: Db, dialect: DialectName, tenantId: string, fromId: string, toId: string, now: string): Promise<void> {
  await db.updateTable('contacts')
    .set((eb) => ({ customer_id: toId, is_primary: dbBool(dialect, false), updated_at: now, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('customer_id', '=', fromId).execute();
}

/** Makes the oldest contact primary when a customer has none (a customer always keeps one primary contact). */
export async function ensurePrimaryContact(db: Db, dialect: DialectName, tenantId: string, customerId: string): Promise<void> {
  const primary = await db.selectFrom('contacts').select('id').where('tenant_id', '=', tenantId).where('customer_id', '=', customerId)
    .where('is_primary', '=', dbBool(dialect, true)).executeTakeFirst();
  if (primary) return;
  const first = await db.selectFrom('contacts').select('id').where('tenant_id', '=', tenantId).where('customer_id', '=', customerId)
    .orderBy('created_at').orderBy('id').executeTakeFirst();
  if (first) await db.updateTable('contacts').set({ is_primary: dbBool(dialect, true) }).where('tenant_id', '=', tenantId).where('id', '=', first.id).execute();
}

export async function countTimeline(db: Db, tenantId: string, customerId: string): Promise<number> {
  const row = await db.selectFrom('timeline_events').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
  return Number(row.n);
}
