import type { Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Normalised name for duplicate checks (width, spaces, brackets, company-form suffixes, province/city prefix).
    .addColumn('name_norm', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('industry_note', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('size', 'text')
    .addColumn('province', 'text')
    .addColumn('city', 'text')
    .addColumn('district', 'text')
    .addColumn('street', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text')
    .addColumn('product_preference', 'text')
    .addColumn('communication_preference', 'text')
    .addColumn('value_tier', 'text')
    .addColumn('risk_level', 'text')
    .addColumn('first_contact_at', t.timestamp)
    .addColumn('last_follow_up_at', t.timestamp)
    .addColumn('won_at', t.timestamp)
    .addColumn('purchase_frequency', 'real')
    // Money as integer minor units (fen).
    .addColumn('avg_order_value', t.bigint)
    .addColumn('gender', 'text')
    .addColumn('birthday', 'text')
    .addColumn('staff_count', 'integer')
    .addColumn('annual_revenue', t.bigint)
    .addColumn('completeness', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('custom', t.json, (c) => c.notNull())
    // Keyword index text: name, pinyin, initials, number, contact mobiles (and last 4 digits), emails.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .addColumn('deleted_by', 'text')
    .addColumn('created_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_tenant_number_uq').on('customers').columns(['tenant_id', 'number']).unique().execute();
  await db.schema.createIndex('customers_tenant_owner_idx').on('customers').columns(['tenant_id', 'owner_id', 'last_follow_up_at']).execute();
  await db.schema.createIndex('customers_tenant_status_idx').on('customers').columns(['tenant_id', 'status', 'last_follow_up_at']).execute();
  await db.schema.createIndex('customers_tenant_updated_idx').on('customers').columns(['tenant_id', 'updated_at']).execute();
  await db.schema.createIndex('customers_tenant_name_norm_idx').on('customers').columns(['tenant_id', 'name_norm']).execute();
  await db.schema.createIndex('customers_tenant_deleted_idx').on('customers').columns(['tenant_id', 'deleted_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('customers').execute();
}
