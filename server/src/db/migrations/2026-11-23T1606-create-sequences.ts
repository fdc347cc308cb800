import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  // Per-tenant counters (customer numbers per day …), advanced with one atomic upsert … returning.
  await db.schema
    .createTable('sequences')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sequences_pk', ['tenant_id', 'name', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sequences').execute();
}
