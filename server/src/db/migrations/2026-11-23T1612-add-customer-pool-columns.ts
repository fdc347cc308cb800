import type { Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

const COLUMNS = ['pool_id', 'pooled_at', 'last_owner_id', 'owned_since', 'pool_warned_at', 'locked'] as const;

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  await db.schema.alterTable('customers').addColumn('pool_id', 'text').execute();
  await db.schema.alterTable('customers').addColumn('pooled_at', t.timestamp).execute();
  // The owner before the customer went to the pool: the re-claim cooldown applies to them.
  await db.schema.alterTable('customers').addColumn('last_owner_id', 'text').execute();
  // Since when the current owner holds the customer: pool deadlines count from the later of this and the last follow-up.
  await db.schema.alterTable('customers').addColumn('owned_since', t.timestamp).execute();
  await db.schema.alterTable('customers').addColumn('pool_warned_at', t.timestamp).execute();
  // Locked customers never return to a pool automatically.
  await db.schema.alterTable('customers').addColumn('locked', t.bool, (c) => c.notNull().defaultTo(dialect === 'postgres' ? false : 0)).execute();
  await db.schema.createIndex('customers_tenant_pool_idx').on('customers').columns(['tenant_id', 'pool_id', 'pooled_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customers_tenant_pool_idx').execute();
  for (const c of [...COLUMNS].reverse()) await db.schema.alterTable('customers').dropColumn(c).execute();
}
