import type { Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  // Public pools (公海): customers without an owner that members may claim, under the pool's rules.
  await db.schema
    .createTable('pools')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', t.bool, (c) => c.notNull())
    .addColumn('rules', t.json, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pools_tenant_idx').on('pools').column('tenant_id').execute();
  await db.schema
    .createTable('pool_members')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('pool_id', 'text', (c) => c.notNull().references('pools.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('is_admin', t.bool, (c) => c.notNull())
    .addPrimaryKeyConstraint('pool_members_pk', ['pool_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('pool_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('pool_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pool_claims_user_idx').on('pool_claims').columns(['tenant_id', 'user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pool_claims').execute();
  await db.schema.dropTable('pool_members').execute();
  await db.schema.dropTable('pools').execute();
}
