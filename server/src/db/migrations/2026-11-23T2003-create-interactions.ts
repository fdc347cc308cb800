import type { Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

/** Interactions (交互历史, PRODUCT.md M7): calls, emails, chats and meetings with a customer and contact. */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text')
    .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('content', 'text')
    .addColumn('duration_seconds', 'integer')
    .addColumn('problem_type', 'text')
    .addColumn('result', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interactions_customer_idx').on('interactions').columns(['tenant_id', 'customer_id', 'occurred_at']).execute();
  await db.schema.createIndex('interactions_user_idx').on('interactions').columns(['tenant_id', 'user_id', 'occurred_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('interactions').execute();
}
