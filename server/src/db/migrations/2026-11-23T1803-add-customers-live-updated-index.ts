import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * The default list order (-updatedAt) and keyword results with many matches, over live customers, with the
 * tie-breaker. Replaces customers_tenant_updated_idx (next migration).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`create index customers_live_updated_idx on customers (tenant_id, updated_at desc nulls last, id desc) where deleted_at is null`.execute(db);
  } else {
    await sql`create index customers_live_updated_idx on customers (tenant_id, updated_at, id) where deleted_at is null`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index customers_live_updated_idx`.execute(db);
}
