import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * The same order within one status (the most common list filter: 意向客户 by last follow-up). Replaces
 * customers_tenant_status_idx (next migration), whose order lacked the tie-breaker and, on PostgreSQL, NULLS LAST.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`create index customers_live_status_follow_up_idx on customers (tenant_id, status, last_follow_up_at desc nulls last, id desc) where deleted_at is null`.execute(db);
  } else {
    await sql`create index customers_live_status_follow_up_idx on customers (tenant_id, status, last_follow_up_at, id) where deleted_at is null`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index customers_live_status_follow_up_idx`.execute(db);
}
