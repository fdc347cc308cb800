import type { Kysely } from 'kysely';

/** Superseded by customers_live_status_follow_up_idx: one index less to write on every customer change. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customers_tenant_status_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('customers_tenant_status_idx').on('customers').columns(['tenant_id', 'status', 'last_follow_up_at']).execute();
}
