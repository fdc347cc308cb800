import type { Kysely } from 'kysely';

/** Superseded by customers_live_updated_idx. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customers_tenant_updated_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('customers_tenant_updated_idx').on('customers').columns(['tenant_id', 'updated_at']).execute();
}
