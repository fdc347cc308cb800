import { sql, type Kysely } from 'kysely';
import type { DialectName } from './dialect';

/** Rows SQLite reads per index when it samples (the same bound `PRAGMA optimize` uses). */
const ANALYSIS_LIMIT = 2000;

/**
 * Refreshes SQLite's planner statistics (the `planner-statistics` periodic job, daily, first soon after start). A
 * SQLite database has none until something runs ANALYZE, and without them the planner guesses how many rows an
 * index range holds: at 1,000,000 customers it drove a department's keyword search from an owner index and took
 * minutes (docs/performance.md, item 10). Sampled (`analysis_limit`): ~3.4 s for every table of a
 * 1,000,000-customer database, one table at a time with a turn of the event loop between them, so requests are
 * held up by one table's analysis at most (< 1 s). PostgreSQL keeps its own statistics (autovacuum): nothing to do.
 * Returns the tables analysed.
 */
export async function refreshPlannerStatistics(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  if (dialect !== 'sqlite') return [];
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  const done: string[] = [];
  for (const { name } of tables.rows) {
    // The limit is a setting of the one connection; set it with each table, as other statements run in between.
    await sql`pragma analysis_limit = ${sql.raw(String(ANALYSIS_LIMIT))}`.execute(db);
    await sql`analyze ${sql.table(name)}`.execute(db);
    done.push(name);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return done;
}
