import { sql, type Kysely } from 'kysely';

/**
 * Exports and the data-quality scan walk a tenant's customers and contacts in id order, a page at a time (keyset).
 * Without an index that starts with the tenant and continues with the id, every page sorted the tenant's rows:
 * measured at 1,000,000 customers, an export slowed to ~750 rows/s. With it, each page is a range read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index customers_live_id_idx on customers (tenant_id, id) where deleted_at is null`.execute(db);
  await sql`create index contacts_tenant_id_idx on contacts (tenant_id, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index contacts_tenant_id_idx`.execute(db);
  await sql`drop index customers_live_id_idx`.execute(db);
}
