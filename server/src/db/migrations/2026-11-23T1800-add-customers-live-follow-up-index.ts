import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * Customer lists sorted by last follow-up across the tenant (admins, 本部门 scopes, tag and custom-field filters):
 * the index gives the rows in list order, so a page reads about 50 / (share of matching rows) entries instead of
 * sorting every customer of the tenant. Only live customers (the recycle bin has its own, small lists); `id` is
 * the list's tie-breaker. PostgreSQL needs the list's NULLS LAST in the index to walk it in order; SQLite puts
 * NULLs first in ascending order, so walking its plain index backwards gives "desc nulls last" (docs/performance.md).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`create index customers_live_follow_up_idx on customers (tenant_id, last_follow_up_at desc nulls last, id desc) where deleted_at is null`.execute(db);
  } else {
    await sql`create index customers_live_follow_up_idx on customers (tenant_id, last_follow_up_at, id) where deleted_at is null`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index customers_live_follow_up_idx`.execute(db);
}
