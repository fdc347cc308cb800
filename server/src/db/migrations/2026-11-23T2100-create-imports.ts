import type { Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  // One import of a file (decision 018): the stored upload, the mapping and policy, and the durable progress —
  // `processed` is the checkpoint (data rows 1..processed are done), committed with each batch of rows and its
  // counts in one transaction; `lease_owner`/`lease_until` say which process works on it until when.
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_size', t.bigint, (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('delimiter', 'text')
    .addColumn('header_row', 'integer', (c) => c.notNull())
    .addColumn('headers', t.json, (c) => c.notNull())
    .addColumn('mapping', t.json)
    .addColumn('defaults', t.json)
    .addColumn('duplicate_policy', 'text')
    .addColumn('total', 'integer')
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_started_at', t.timestamp)
    .addColumn('run_start_processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', t.timestamp)
    .addColumn('error', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('started_at', t.timestamp)
    .addColumn('finished_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('imports_tenant_created_idx').on('imports').columns(['tenant_id', 'created_at']).execute();
  await db.schema.createIndex('imports_status_idx').on('imports').columns(['status', 'lease_until']).execute();

  // The rows an import could not take, as they were in the file, with the reasons (rule details, translated when
  // the report is downloaded). Written in the same transaction as the batch they belong to.
  await db.schema
    .createTable('import_errors')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('cells', t.json, (c) => c.notNull())
    .addColumn('reasons', t.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_errors_pk', ['import_id', 'row_no'])
    .execute();

  // The last mapping a tenant used, by normalised header (the wizard proposes it next time).
  await db.schema
    .createTable('import_mappings')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('header', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mappings_pk', ['tenant_id', 'type', 'header'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_mappings').execute();
  await db.schema.dropTable('import_errors').execute();
  await db.schema.dropTable('imports').execute();
}
