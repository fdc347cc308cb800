import type { Kysely } from 'kysely';
import { types, type DialectName } from '../dialect';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const t = types(dialect);
  // One row per scheduled job and time slot. The process whose insert wins runs the slot; every other process
  // sees the conflict and skips it — so a job runs once per slot however many processes share the database.
  await db.schema
    .createTable('job_runs')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('started_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .addColumn('error', 'text')
    .addColumn('result', t.json)
    .addPrimaryKeyConstraint('job_runs_pk', ['job', 'slot'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_runs').execute();
}
