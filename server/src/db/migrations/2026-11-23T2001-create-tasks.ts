import { sql, type Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

/**
 * Tasks (PRODUCT.md M4): manual, from a follow-up's next time, from a recurring series or from the follow-up SOP.
 * A series occurrence is unique per (series_id, occurrence_at) and an SOP task per (tenant_id, sop_key), so
 * whoever materialises them twice inserts nothing the second time (docs/decisions/016).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('remind_offset_minutes', 'integer')
    .addColumn('remind_at', t.timestamp)
    .addColumn('reminded_at', t.timestamp)
    .addColumn('done_at', t.timestamp)
    // Done within 24 h of the due time (KPI 跟进及时率); null while open.
    .addColumn('on_time', t.bool)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('followup_id', 'text')
    .addColumn('series_id', 'text')
    .addColumn('occurrence_at', t.timestamp)
    .addColumn('sop_key', 'text')
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_assignee_idx').on('tasks').columns(['tenant_id', 'assignee_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('tasks_status_due_idx').on('tasks').columns(['tenant_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('tasks_customer_idx').on('tasks').columns(['tenant_id', 'customer_id', 'due_at']).execute();
  await db.schema.createIndex('tasks_series_occurrence_uq').on('tasks').columns(['series_id', 'occurrence_at']).unique().execute();
  await db.schema.createIndex('tasks_sop_key_uq').on('tasks').columns(['tenant_id', 'sop_key']).unique().execute();
  // The reminder job reads only the unclaimed reminders of open tasks.
  await sql`create index tasks_reminder_due_idx on tasks (remind_at) where reminded_at is null and status = 'open'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tasks').execute();
}
