import { sql, type Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

/**
 * The durable job queue of the embedded (SQLite) setup, polled in-process (lib/jobs/sqlite-queue.ts).
 * PostgreSQL deployments queue through pg-boss in its own `pgboss` schema instead (decision 014); the table is
 * created there too so the schema is the same on both databases, but stays empty.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.references('tenants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_delay_ms', 'integer', (c) => c.notNull())
    .addColumn('lease_ms', 'integer', (c) => c.notNull())
    .addColumn('run_at', t.timestamp, (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('lease_until', t.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('progress', t.json)
    .addColumn('result', t.json)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('started_at', t.timestamp)
    .addColumn('finished_at', t.timestamp)
    .execute();
  // The poll: due queued jobs and expired leases, oldest first.
  await db.schema.createIndex('jobs_state_run_idx').on('jobs').columns(['state', 'run_at']).execute();
  // The admin list of one tenant, newest first.
  await db.schema.createIndex('jobs_tenant_created_idx').on('jobs').columns(['tenant_id', 'created_at']).execute();
  // At most one waiting or running job per (name, singleton key): a second enqueue is a no-op.
  await db.schema
    .createIndex('jobs_singleton_idx')
    .unique()
    .on('jobs')
    .columns(['name', 'singleton_key'])
    .where(sql.ref('singleton_key'), 'is not', null)
    .where(sql.ref('state'), 'in', ['queued', 'active'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
