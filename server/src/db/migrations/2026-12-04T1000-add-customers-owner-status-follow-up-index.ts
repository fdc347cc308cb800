import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * Lists filtered by owner (a department's data scope, 负责人 in …) and status. With (tenant, owner, last follow-up)
 * and (tenant, status, last follow-up) apart, the pager's capped count read every customer of one side and looked
 * the other up in the table: at 1,000,000 customers, 70% in the public pool, a department's churned customers
 * with a tag took 155 ms to count by walking every churned customer (docs/performance.md). With owner and status
 * together the count reads only the matching entries (0.5–4 ms). Live customers only, in list order.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`create index customers_live_owner_status_follow_up_idx on customers (tenant_id, owner_id, status, last_follow_up_at desc nulls last, id desc) where deleted_at is null`.execute(db);
  } else {
    await sql`create index customers_live_owner_status_follow_up_idx on customers (tenant_id, owner_id, status, last_follow_up_at, id) where deleted_at is null`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index customers_live_owner_status_follow_up_idx`.execute(db);
}
