import { sql, type Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  // The data-quality centre's findings (decision 019): computed by a scan in the background, read page by page
  // through the index, so a page view never walks the tenant's customers.
  await db.schema
    .createTable('data_quality_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('customer_ids', t.json, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('detail', t.json)
    .addColumn('computed_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_quality_issues_list_idx').on('data_quality_issues').columns(['tenant_id', 'kind', 'size', 'key']).execute();
  await db.schema
    .createTable('data_quality_runs')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .addColumn('counts', t.json)
    .addColumn('error', 'text')
    .execute();
  // Records with low completeness, lowest first, straight from an index.
  await sql`create index customers_live_completeness_idx on customers (tenant_id, completeness, id) where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index customers_live_completeness_idx`.execute(db);
  await db.schema.dropTable('data_quality_runs').execute();
  await db.schema.dropTable('data_quality_issues').execute();
}
