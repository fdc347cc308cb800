import type SQLite from 'better-sqlite3';
import { sqliteHandleOf } from '../../db/create-db';
import type { Db } from '../../db/database';
import { CONTACT_COLUMNS, CUSTOMER_COLUMNS, CUSTOMER_TAG_COLUMNS, EVENT_COLUMNS, type DemoBatch, type Row } from './demo-rows';

export type DemoWriter = {
  /** Advances the tenant's customer sequence of each day by its count (committed at once); the new values, in order. */
  reserve(days: Array<[day: string, count: number]>): Promise<number[]>;
  /** Writes one batch in one transaction: all of it or none of it. */
  write(batch: DemoBatch): Promise<void>;
  finish(): Promise<void>;
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
  return (rows: Row[]) => {
    for (let i = 0; i < rows.length; i += 50) {
      const chunk = rows.slice(i, i + 50);
      statement(chunk.length).run(chunk.flat());
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
export function sqliteDemoWriter(db: Db, tenantId: string): DemoWriter {
  const sqlite = sqliteHandleOf(db);
  if (!sqlite) throw new Error('the SQLite demo writer needs a database opened by createDb');
  const customers = chunkedInsert(sqlite, 'customers', CUSTOMER_COLUMNS, ", '{}', 1");
  const contacts = chunkedInsert(sqlite, 'contacts', CONTACT_COLUMNS, ", '{}', 1");
  const tags = chunkedInsert(sqlite, 'customer_tags', CUSTOMER_TAG_COLUMNS, '');
  const events = chunkedInsert(sqlite, 'timeline_events', EVENT_COLUMNS, '');
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
  // A bigger page cache while loading: the name, owner and mobile indexes take inserts all over their b-trees.
  const cacheSize = sqlite.pragma('cache_size', { simple: true });
  sqlite.pragma('cache_size = -131072');

  const writeAll = sqlite.transaction((b: DemoBatch) => {
    const [customerFrom, ftsFrom] = setBased ? [lastCustomer.get(), lastFts.get()] : [0, 0];
    if (setBased) sqlite.exec(`drop trigger ${FTS_TRIGGER}`);
    customers(b.customers);
    for (const row of b.contacts) row[IS_PRIMARY] = row[IS_PRIMARY] ? 1 : 0;
    contacts(b.contacts);
    tags(b.customerTags);
    events(b.events);
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
    reserve: (days) => exclusive(() => reserveAll.immediate(days)),
    write: (batch) => exclusive(() => writeAll.immediate(batch)),
    finish: () => exclusive(() => {
      sqlite.pragma(`cache_size = ${Number(cacheSize)}`);
      // Fresh planner statistics after a bulk load (cheap: it samples).
      sqlite.pragma('optimize');
    }),
  };
}
