import type { Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('mobile', 'text')
    .addColumn('landline', 'text')
    .addColumn('email', 'text')
    .addColumn('role', 'text')
    .addColumn('preferred_channel', 'text')
    .addColumn('notes', 'text')
    .addColumn('is_primary', t.bool, (c) => c.notNull())
    .addColumn('birthday', 'text')
    .addColumn('custom', t.json, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_tenant_customer_idx').on('contacts').columns(['tenant_id', 'customer_id']).execute();
  await db.schema.createIndex('contacts_tenant_mobile_idx').on('contacts').columns(['tenant_id', 'mobile']).execute();
  await db.schema.createIndex('contacts_tenant_email_idx').on('contacts').columns(['tenant_id', 'email']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contacts').execute();
}
