import type { Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

/** Follow-up records (跟进记录, PRODUCT.md M4): one contact with a customer, by a follower. */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  await db.schema
    .createTable('followups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('followed_at', t.timestamp, (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('follower_id', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('feedback', 'text')
    .addColumn('next_action', 'text')
    .addColumn('next_follow_up_at', t.timestamp)
    // The task the next follow-up time created (kept in step when the time is edited).
    .addColumn('task_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('followups_customer_idx').on('followups').columns(['tenant_id', 'customer_id', 'followed_at']).execute();
  await db.schema.createIndex('followups_follower_idx').on('followups').columns(['tenant_id', 'follower_id', 'followed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('followups').execute();
}
