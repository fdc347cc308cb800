import type { Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

/** Recurring task rules ("每周三 14:00"); occurrences are rows in tasks (docs/decisions/016). */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  await db.schema
    .createTable('task_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('assignee_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('remind_offset_minutes', 'integer')
    // { freq: 'daily' | 'weekly' | 'monthly', weekday?, monthDay?, time: 'HH:MM' } in the assignee's time zone.
    .addColumn('rule', t.json, (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_series_tenant_idx').on('task_series').columns(['tenant_id', 'assignee_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_series').execute();
}
