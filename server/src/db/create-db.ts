import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import type { DialectName } from './dialect';

export type DbHandle = {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Closes every connection. */
  destroy(): Promise<void>;
};

// int8 (counts, sums) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

// The better-sqlite3 connection behind each SQLite Kysely instance, for bulk loaders that must bypass the query
// builder (demo data: a million rows through prepared statements). Weak, so a destroyed instance is not kept alive.
const SQLITE_HANDLES = new WeakMap<Kysely<Database>, SQLite.Database>();

/** The better-sqlite3 connection of a database opened by createDb on SQLite (undefined on PostgreSQL). */
export function sqliteHandleOf(db: Kysely<Database>): SQLite.Database | undefined {
  return SQLITE_HANDLES.get(db);
}

export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.slice(0, 20)}")`);
}

/** Opens the database named by a DATABASE_URL: `sqlite:PATH`, `sqlite::memory:` or `postgres://…`. */
/**
 * The connection as Kysely sees it, reusing prepared statements: Kysely prepares every query anew, and preparing
 * was a tenth of the server's CPU for a simple read (docs/performance.md). A statement that is still running (an
 * open iterator) is never handed out twice.
 */
function statementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      const hit = cache.get(text);
      if (hit) cache.delete(text);
      const stmt = hit && !hit.busy ? hit : sqlite.prepare(text);
      cache.set(text, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

export function createDb(url: string, options: { poolSize?: number } = {}): DbHandle {
  const dialect = dialectOf(url);
  if (dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect, destroy: () => db.destroy() };
  }
  const file = url.slice('sqlite:'.length);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 128 MiB of page cache (allocated as used) instead of SQLite's 2 MiB: at 1,000,000 customers a list or search
  // touches more pages than 2 MiB holds, and each miss is a read() from the OS; 64 → 128 MiB cut the slowest
  // list's SQL time by ~40% (docs/performance.md).
  sqlite.pragma('cache_size = -131072');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statementCache(sqlite) }) });
  SQLITE_HANDLES.set(db, sqlite);
  return { db, dialect, destroy: () => db.destroy() };
}
