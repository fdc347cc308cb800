import type { Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

/**
 * The due time of the customer's earliest open follow-up task (from a follow-up's next time or the SOP). A
 * customer is overdue for follow-up when it lies in the past; the workbench lists customers due by it.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('customers').addColumn('follow_up_due_at', types(dialect).timestamp).execute();
  await db.schema.createIndex('customers_follow_up_due_idx').on('customers').columns(['tenant_id', 'follow_up_due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customers_follow_up_due_idx').execute();
  await db.schema.alterTable('customers').dropColumn('follow_up_due_at').execute();
}
