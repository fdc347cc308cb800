import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { AUDIT_COLUMNS, CONTACT_COLUMNS, CUSTOMER_COLUMNS, CUSTOMER_TAG_COLUMNS, EVENT_COLUMNS, FOLLOWUP_COLUMNS, INTERACTION_COLUMNS, TASK_COLUMNS } from './demo-rows';
import type { DemoWriter } from './demo-sqlite-writer';

// PostgreSQL types of the columns that are not text (unnest needs typed arrays).
const TYPES: Readonly<Record<string, string>> = {
  first_contact_at: 'timestamptz', last_follow_up_at: 'timestamptz', won_at: 'timestamptz', created_at: 'timestamptz',
  updated_at: 'timestamptz', occurred_at: 'timestamptz', purchase_frequency: 'real', avg_order_value: 'bigint',
  annual_revenue: 'bigint', staff_count: 'integer', completeness: 'integer', is_primary: 'boolean', data: 'jsonb',
  follow_up_due_at: 'timestamptz', pooled_at: 'timestamptz', pool_warned_at: 'timestamptz', changes: 'jsonb', followed_at: 'timestamptz', next_follow_up_at: 'timestamptz', due_at: 'timestamptz', remind_at: 'timestamptz',
  reminded_at: 'timestamptz', done_at: 'timestamptz', on_time: 'boolean', remind_offset_minutes: 'integer', duration_seconds: 'integer',
};

/**
 * `insert … select from unnest($1::text[], $2::timestamptz[], …)`: one parameter per column whatever the number
 * of rows, so a 5,000-row batch is one statement well inside PostgreSQL's 65,535-parameter limit, and the server
 * parses it once.
 */
function insertUnnest(db: Db, table: string, columns: readonly string[], values: unknown[], constants = '') {
  const rows = values.length / columns.length;
  if (rows === 0) return Promise.resolve();
  const column = (c: number) => Array.from({ length: rows }, (_, r) => values[r * columns.length + c]);
  const arrays = columns.map((col, c) => sql`${sql.val(column(c))}::${sql.raw(TYPES[col] ?? 'text')}[]`);
  const extra = constants ? sql.raw(', custom, version') : sql``;
  const fixed = constants ? sql.raw(`, ${constants}`) : sql``;
  return sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}${extra})
    select *${fixed} from unnest(${sql.join(arrays)})`.execute(db);
}

/** Bulk writer for PostgreSQL: each batch is one transaction of eight multi-row inserts. */
export function postgresDemoWriter(db: Db, tenantId: string): DemoWriter {
  return {
    async reserve(days) {
      const { rows } = await sql<{ period: string; value: number }>`
        insert into sequences (tenant_id, name, period, value)
        select ${tenantId}, 'customer', d, n from unnest(${sql.val(days.map(([d]) => d))}::text[], ${sql.val(days.map(([, n]) => n))}::integer[]) as t(d, n)
        on conflict (tenant_id, name, period) do update set value = sequences.value + excluded.value
        returning period, value`.execute(db);
      const byDay = new Map(rows.map((r) => [r.period, Number(r.value)]));
      return days.map(([d]) => byDay.get(d)!);
    },
    async write(batch) {
      await db.transaction().execute(async (trx) => {
        await insertUnnest(trx, 'customers', CUSTOMER_COLUMNS, batch.customers, "'{}'::jsonb, 1");
        await insertUnnest(trx, 'contacts', CONTACT_COLUMNS, batch.contacts, "'{}'::jsonb, 1");
        await insertUnnest(trx, 'customer_tags', CUSTOMER_TAG_COLUMNS, batch.customerTags);
        await insertUnnest(trx, 'timeline_events', EVENT_COLUMNS, batch.events);
        await insertUnnest(trx, 'followups', FOLLOWUP_COLUMNS, batch.followups);
        await insertUnnest(trx, 'tasks', TASK_COLUMNS, batch.tasks);
        await insertUnnest(trx, 'interactions', INTERACTION_COLUMNS, batch.interactions);
        await insertUnnest(trx, 'audit_log', AUDIT_COLUMNS, batch.audit);
      });
    },
    async finish() {
      // Planner statistics for the freshly loaded tables.
      for (const table of ['customers', 'contacts', 'customer_tags', 'timeline_events', 'followups', 'tasks', 'interactions']) await sql`analyze ${sql.table(table)}`.execute(db);
    },
    async close() {},
  };
}
