import { sql } from 'kysely';
import type { Db } from './database';
import type { DialectName } from './dialect';

/**
 * Bulk-load mode, for one-off loads of hundreds of thousands of rows (demo data, benchmarks).
 *
 * Secondary indexes whose keys such a load fills in random order (owner, status, name, mobile, e-mail) turn every
 * row into scattered b-tree page writes; building them once afterwards is a sort. So the load drops them and
 * rebuilds them at the end. On SQLite the keyword index (FTS5) also stops merging its segments during the load
 * and is optimised once at the end, instead of rewriting the growing index over and over.
 *
 * Safety: only non-unique indexes are dropped (constraints stay enforced); their definitions are stored in
 * app_settings in the same transaction that drops them, and finishBulkLoad rebuilds whatever the stored state says
 * — so a load that was killed is completed by the next finishBulkLoad (the demo seed calls it on every run). Until
 * then queries are correct, only slower.
 */
const KEY = 'bulk_load';
type BulkLoadState = { indexes: Array<{ name: string; sql: string }>; fts: { table: string; automerge: string | null } | null };

async function readState(db: Db): Promise<BulkLoadState | null> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as BulkLoadState) : null;
}

type IndexRow = { name: string; sql: string; column: string };

/** Non-unique indexes of the tables that cover any of the columns, with the statement that recreates each. */
async function randomOrderIndexes(db: Db, dialect: DialectName, tables: string[], columns: string[]): Promise<Array<{ name: string; sql: string }>> {
  const rows: IndexRow[] = dialect === 'postgres'
    ? (await sql<IndexRow>`select i.relname as name, pg_get_indexdef(i.oid) as sql, a.attname as column
        from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = t.relnamespace join pg_attribute a on a.attrelid = t.oid and a.attnum = any(x.indkey)
        where n.nspname = current_schema() and t.relname in (${sql.join(tables)}) and not x.indisunique and not x.indisprimary`.execute(db)).rows
    : (await sql<IndexRow>`select m.name as name, m.sql as sql, c.name as column from sqlite_master m join pragma_index_info(m.name) c
        where m.type = 'index' and m.sql is not null and m.tbl_name in (${sql.join(tables)})`.execute(db)).rows;
  const picked = new Map<string, string>();
  for (const r of rows) if (columns.includes(r.column) && /^create index /i.test(r.sql)) picked.set(r.name, r.sql);
  return [...picked].map(([name, def]) => ({ name, sql: def })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Enters bulk-load mode: drops the non-unique indexes of `tables` that cover any of `columns` (the ones the load
 * fills in random order) and, on SQLite, pauses merging of the FTS5 table `fts`. Chosen by column rather than by
 * name, so indexes added or renamed by later migrations are covered too.
 */
export async function beginBulkLoad(db: Db, dialect: DialectName, opts: { tables: string[]; columns: string[]; fts?: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (await readState(trx)) return;
    const indexes = await randomOrderIndexes(trx, dialect, opts.tables, opts.columns);
    let fts: BulkLoadState['fts'] = null;
    if (dialect === 'sqlite' && opts.fts) {
      const table = opts.fts.replace(/\W/g, '');
      const row = (await sql<{ v: string }>`select v from ${sql.table(`${table}_config`)} where k = 'automerge'`.execute(trx)).rows[0];
      fts = { table, automerge: row ? String(row.v) : null };
      await sql`insert into ${sql.table(table)} (${sql.ref(table)}, rank) values ('automerge', 0)`.execute(trx);
    }
    for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(trx);
    const state: BulkLoadState = { indexes, fts };
    await trx.insertInto('app_settings').values({ key: KEY, value: JSON.stringify(state) }).execute();
  });
}

/**
 * Leaves bulk-load mode, whoever entered it: rebuilds the dropped indexes and restores FTS merging, in one
 * transaction, then optimises the FTS index. Returns false when not in bulk-load mode.
 */
export async function finishBulkLoad(db: Db, dialect: DialectName, onStep?: (message: string) => void): Promise<boolean> {
  const state = await readState(db);
  if (!state) return false;
  onStep?.(`rebuilding ${state.indexes.length} indexes${state.fts ? ' and merging the keyword index' : ''}`);
  await db.transaction().execute(async (trx) => {
    // PostgreSQL builds a b-tree faster with more sort memory; the setting ends with the transaction.
    if (dialect === 'postgres') await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
    for (const index of state.indexes) await sql.raw(index.sql.replace(/^create index /i, 'CREATE INDEX IF NOT EXISTS ')).execute(trx);
    if (state.fts) {
      // FTS5's default automerge is 4. A literal: FTS5 refuses the value bound as a parameter (bound as a float).
      const automerge = sql.lit(Math.trunc(Number(state.fts.automerge ?? 4)));
      await sql`insert into ${sql.table(state.fts.table)} (${sql.ref(state.fts.table)}, rank) values ('automerge', ${automerge})`.execute(trx);
    }
    await trx.deleteFrom('app_settings').where('key', '=', KEY).execute();
  });
  if (state.fts) await sql`insert into ${sql.table(state.fts.table)} (${sql.ref(state.fts.table)}) values ('optimize')`.execute(db);
  return true;
}
