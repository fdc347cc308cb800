import { sql, type Kysely } from 'kysely';

/**
 * The workbench's "my customers due for follow-up" (GET /followup-sop/due-customers?mine=true): with only
 * (tenant_id, follow_up_due_at) it read every due customer of the tenant to keep a rep's (9,400 rows at 100,000
 * customers, for the page and again for its count; docs/performance.md). With the owner in front of the due time
 * the page and the count read only the rep's own due customers, in list order (id is the tie-breaker). Live
 * customers only, as the list asks; the same on both databases (ascending, no NULL ordering involved).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index customers_owner_follow_up_due_idx on customers (tenant_id, owner_id, follow_up_due_at, id) where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index customers_owner_follow_up_due_idx`.execute(db);
}
