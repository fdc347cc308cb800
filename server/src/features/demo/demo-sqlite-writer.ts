import type SQLite from 'better-sqlite3';
import { sqliteHandleOf } from '../../db/create-db';
import type { Db } from '../../db/database';
import {
  AUDIT_COLUMNS, CONTACT_COLUMNS, CUSTOMER_COLUMNS, CUSTOMER_TAG_COLUMNS, EVENT_COLUMNS, FOLLOWUP_COLUMNS, INTERACTION_COLUMNS, TASK_COLUMNS, type DemoBatch,
} from './demo-rows';

export type DemoWriter = {
  /** Advances the tenant's customer sequence of each day by its count (committed at once); the new values, in order. */
  reserve(days: Array<[day: string, count: number]>): Promise<number[]>;
  /** Writes one batch in one transaction: all of it or none of it. */
  write(batch: DemoBatch): Promise<void>;
  /** After the last batch: planner statistics. */
  finish(): Promise<void>;
  /** Always, last: gives back connection settings changed for the load. */
  close(): Promise<void>;
};

export type SqliteDemoWriter = DemoWriter & {
  /** How customers reach the keyword index: one INSERT … SELECT per batch, or the per-row trigger (fallback). */
  ftsMode: 'set-based' | 'trigger';
};

const IS_PRIMARY = CONTACT_COLUMNS.indexOf('is_primary');
const FTS_TRIGGER = 'customers_fts_ai';
// What the keyword-index migration's insert trigger does per row; the writer does the same per batch, set-based.
const FTS_TRIGGER_BODY =
  /begin insert into customers_fts \(search_text, customer_id, tenant_id\) values \(new\.search_text, new\.id, new\.tenant_id\); insert into customers_fts_map \(customer_id, fts_rowid\) values \(new\.id, last_insert_rowid\(\)\); end$/i;

/** Inserts rows in chunks of up to 50 per statement (fewer statement executions; ~25% faster than one per row). */
function chunkedInsert(sqlite: SQLite.Database, table: string, columns: readonly string[], constants: string) {
  const extra = constants ? ', custom, version' : '';
  const tuple = `(${columns.map(() => '?').join(', ')}${constants})`;
  const statements = new Map<number, SQLite.Statement>();
  const statement = (n: number) => {
    let s = statements.get(n);
    if (!s) statements.set(n, (s = sqlite.prepare(`insert into ${table} (${columns.join(', ')}${extra}) values ${Array(n).fill(tuple).join(', ')}`)));
    return s;
  };
  const width = columns.length;
  return (values: unknown[]) => {
    const rows = values.length / width;
    for (let r = 0; r < rows; r += 50) {
      const n = Math.min(50, rows - r);
      statement(n).run(values.slice(r * width, (r + n) * width));
    }
  };
}

/**
 * Bulk writer for SQLite, driving better-sqlite3 prepared statements directly: building Kysely queries for a
 * million rows would cost more than writing them. The customers' keyword index (FTS5) is the biggest cost; filled
 * by its per-row insert trigger it takes twice as long as one INSERT … SELECT per batch. So each batch drops that
 * trigger, inserts, indexes the batch's customers set-based and recreates the trigger from its stored SQL, all in
 * the batch's one transaction (SQLite DDL is transactional): whatever happens, no other writer ever sees customers
 * without their index entries or the table without its trigger. If the trigger is not the one this code knows
 * (a later migration changed it), the writer leaves it alone and lets it index each row.
 */
export function sqliteDemoWriter(db: Db, tenantId: string): SqliteDemoWriter {
  const sqlite = sqliteHandleOf(db);
  if (!sqlite) throw new Error('the SQLite demo writer needs a database opened by createDb');
  const customers = chunkedInsert(sqlite, 'customers', CUSTOMER_COLUMNS, ", '{}', 1");
  const contacts = chunkedInsert(sqlite, 'contacts', CONTACT_COLUMNS, ", '{}', 1");
  const tags = chunkedInsert(sqlite, 'customer_tags', CUSTOMER_TAG_COLUMNS, '');
  const events = chunkedInsert(sqlite, 'timeline_events', EVENT_COLUMNS, '');
  const followups = chunkedInsert(sqlite, 'followups', FOLLOWUP_COLUMNS, '');
  const tasks = chunkedInsert(sqlite, 'tasks', TASK_COLUMNS, '');
  const interactions = chunkedInsert(sqlite, 'interactions', INTERACTION_COLUMNS, '');
  const audit = chunkedInsert(sqlite, 'audit_log', AUDIT_COLUMNS, '');
  const reserve = sqlite
    .prepare(`insert into sequences (tenant_id, name, period, value) values (?, 'customer', ?, ?)
      on conflict (tenant_id, name, period) do update set value = value + excluded.value returning value`)
    .pluck();
  const triggerSql = sqlite.prepare(`select sql from sqlite_master where type = 'trigger' and name = ?`).pluck().get(FTS_TRIGGER) as string | undefined;
  const setBased = triggerSql !== undefined && FTS_TRIGGER_BODY.test(triggerSql.replace(/\s+/g, ' ').trim());
  const lastCustomer = sqlite.prepare('select coalesce(max(rowid), 0) from customers').pluck();
  const lastFts = sqlite.prepare('select coalesce(max(rowid), 0) from customers_fts').pluck();
  const indexCustomers = sqlite.prepare('insert into customers_fts (search_text, customer_id, tenant_id) select search_text, id, tenant_id from customers where rowid > ? order by rowid');
  const mapIndex = sqlite.prepare('insert into customers_fts_map (customer_id, fts_rowid) select customer_id, rowid from customers_fts where rowid > ?');
  // While loading: a bigger page cache (the name, owner and mobile indexes take inserts all over their b-trees),
  // and statement journals in memory. Every multi-row insert inside the big transaction saves the pages it touches
  // that the transaction already changed; on disk that was three quarters of all bytes written.
  const saved = { cache_size: sqlite.pragma('cache_size', { simple: true }), temp_store: sqlite.pragma('temp_store', { simple: true }) };
  sqlite.pragma('cache_size = -131072');
  sqlite.pragma('temp_store = memory');

  const writeAll = sqlite.transaction((b: DemoBatch) => {
    const [customerFrom, ftsFrom] = setBased ? [lastCustomer.get(), lastFts.get()] : [0, 0];
    if (setBased) sqlite.exec(`drop trigger ${FTS_TRIGGER}`);
    customers(b.customers);
    for (let i = IS_PRIMARY; i < b.contacts.length; i += CONTACT_COLUMNS.length) b.contacts[i] = b.contacts[i] ? 1 : 0;
    contacts(b.contacts);
    tags(b.customerTags);
    events(b.events);
    followups(b.followups);
    tasks(b.tasks);
    interactions(b.interactions);
    audit(b.audit);
    if (setBased) {
      indexCustomers.run(customerFrom);
      mapIndex.run(ftsFrom);
      sqlite.exec(triggerSql!);
    }
  });
  const reserveAll = sqlite.transaction((days: Array<[string, number]>) => days.map(([day, count]) => Number(reserve.get(tenantId, day, count))));
  // Holding Kysely's connection while driving the handle keeps any other query of this process from running
  // in the middle of a bulk transaction.
  const exclusive = <T>(fn: () => T) => db.connection().execute(async () => fn());
  return {
    ftsMode: setBased ? 'set-based' : 'trigger',
    reserve: (days) => exclusive(() => reserveAll.immediate(days)),
    write: (batch) => exclusive(() => writeAll.immediate(batch)),
    // Planner statistics after a bulk load, sampled as the server's daily `planner-statistics` job takes them
    // (analysis_limit 2000, ~3 s at 1,000,000 customers). A full ANALYZE (~15 s) chose worse plans for the
    // 2-character search and the 潜在 department list (docs/performance.md, item 10).
    finish: () => exclusive(() => {
      const saved = Number(sqlite.pragma('analysis_limit', { simple: true }));
      sqlite.pragma('analysis_limit = 2000');
      try {
        sqlite.exec('analyze');
      } finally {
        sqlite.pragma(`analysis_limit = ${saved}`);
      }
    }),
    close: () => exclusive(() => {
      sqlite.pragma(`cache_size = ${Number(saved.cache_size)}`);
      sqlite.pragma(`temp_store = ${Number(saved.temp_store)}`);
    }),
  };
}
