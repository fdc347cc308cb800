import { sql, type Kysely, type RawBuilder } from 'kysely';

/** The two databases Guanxi runs on. Every difference between them lives in this file. */
export type DialectName = 'sqlite' | 'postgres';

export type ColumnTypes = Readonly<{
  timestamp: 'timestamptz' | 'text';
  bool: 'boolean' | 'integer';
  json: 'jsonb' | 'text';
  bigint: 'bigint' | 'integer';
}>;

const TYPES: Record<DialectName, ColumnTypes> = Object.freeze({
  postgres: Object.freeze({ timestamp: 'timestamptz', bool: 'boolean', json: 'jsonb', bigint: 'bigint' }),
  sqlite: Object.freeze({ timestamp: 'text', bool: 'integer', json: 'text', bigint: 'integer' }),
} as const);

/**
 * Column types for migrations. Frozen: a shipped migration depends on these values, so never change one;
 * add a new key instead.
 */
export function types(dialect: DialectName): ColumnTypes {
  return TYPES[dialect];
}

/** Case-insensitive LIKE: ILIKE on PostgreSQL, LIKE (ASCII case-insensitive) on SQLite. */
export function likeOperator(dialect: DialectName): 'ilike' | 'like' {
  return dialect === 'postgres' ? 'ilike' : 'like';
}

/** Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A boolean as the database stores it (true/false on PostgreSQL, 1/0 on SQLite). */
export function dbBool(dialect: DialectName, value: boolean): boolean | number {
  return dialect === 'postgres' ? value : value ? 1 : 0;
}

/** A JSON value as the database stores it (jsonb on PostgreSQL, text on SQLite). */
export function dbJson(dialect: DialectName, value: unknown): RawBuilder<unknown> | string {
  const text = JSON.stringify(value);
  return dialect === 'postgres' ? sql`${text}::jsonb` : text;
}

/** Reads a JSON column whatever the driver returned (parsed object on PostgreSQL, text on SQLite). */
export function readJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return value as T;
}

/** Reads a boolean column (true/false or 1/0). */
export function readBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Reads a timestamp column (Date on PostgreSQL, ISO text on SQLite) as an ISO 8601 string. */
export function readTimestamp(value: unknown): string;
export function readTimestamp(value: unknown, nullable: true): string | null;
export function readTimestamp(value: unknown, nullable?: true): string | null {
  if (value === null || value === undefined) {
    if (nullable) return null;
    throw new Error('Unexpected null timestamp');
  }
  if (value instanceof Date) return value.toISOString();
  // SQLite hands back what we wrote, already toISOString()'s form: returned as is (parsing and printing it again
  // was ~2% of the server's CPU, called for every timestamp of every row of every answer).
  if (typeof value === 'string' && value.length === 24 && ISO_UTC.test(value)) return value;
  return new Date(String(value)).toISOString();
}

/** True when a driver error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * A key of a JSON column as SQL: the value as text (PostgreSQL `->>`) or typed (SQLite json_extract).
 * With a cast, PostgreSQL compares as numbers or booleans (SQLite's json_extract already returns typed values).
 */
export function jsonValue(dialect: DialectName, column: string, key: string, cast?: 'numeric' | 'boolean'): RawBuilder<unknown> {
  const safe = key.replace(/[^A-Za-z0-9_]/g, '');
  if (dialect === 'postgres') {
    if (cast === 'numeric') return sql`(${sql.ref(column)}->>${safe})::numeric`;
    if (cast === 'boolean') return sql`(${sql.ref(column)}->>${safe})::boolean`;
    return sql`(${sql.ref(column)}->>${safe})`;
  }
  return sql`json_extract(${sql.ref(column)}, ${`$.${safe}`})`;
}

/** True when the JSON array at `column.key` contains any of `values`. */
export function jsonArrayHasAny(dialect: DialectName, column: string, key: string, values: unknown[]): RawBuilder<boolean> {
  const safe = key.replace(/[^A-Za-z0-9_]/g, '');
  const list = values.map(String);
  if (dialect === 'postgres') {
    return sql<boolean>`coalesce(${sql.ref(column)}->${safe}, '[]'::jsonb) ?| ${sql.val(list)}::text[]`;
  }
  return sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}, ${`$.${safe}`}) j where j.value in (${sql.join(list)}))`;
}

/** True when the JSON array at `column.key` is missing or empty. */
export function jsonArrayIsEmpty(dialect: DialectName, column: string, key: string): RawBuilder<boolean> {
  const safe = key.replace(/[^A-Za-z0-9_]/g, '');
  if (dialect === 'postgres') return sql<boolean>`coalesce(jsonb_array_length(${sql.ref(column)}->${safe}), 0) = 0`;
  return sql<boolean>`coalesce(json_array_length(${sql.ref(column)}, ${`$.${safe}`}), 0) = 0`;
}

/** The later of two timestamps, ignoring a null one (PostgreSQL greatest(); SQLite max() would return null). */
export function laterOf(dialect: DialectName, a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<unknown> {
  if (dialect === 'postgres') return sql`greatest(${a}, ${b})`;
  return sql`max(coalesce(${a}, ${b}), coalesce(${b}, ${a}))`;
}

/**
 * Refreshes the planner's statistics of tables that grew quickly (a bulk import into a new account). PostgreSQL
 * plans from them: with a table's stats from when it was empty it scans where it should look up (measured: the
 * duplicate check went from 0.1 ms to 15 ms per row at 2,000 imported customers). SQLite's queries fix their join
 * order (CROSS JOIN), so there is nothing to do there.
 */
export async function refreshPlannerStats(db: Kysely<any>, dialect: DialectName, tables: string[]): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}

/**
 * Keyword index rows for a batch of new customers written in one statement instead of one per customer (migration
 * 2300). SQLite: call `beginSearchIndexBulk` before inserting the customers and `endSearchIndexBulk` with them after,
 * in the same transaction. PostgreSQL: nothing to do (the GIN index follows the inserts).
 */
export async function beginSearchIndexBulk(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`insert into customers_fts_bulk (active) values (1)`.execute(db);
}

export async function endSearchIndexBulk(db: Kysely<any>, dialect: DialectName, rows: Array<{ id: string; tenantId: string; searchText: string }>): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`delete from customers_fts_bulk`.execute(db);
  if (rows.length === 0) return;
  // The batch's transaction holds SQLite's one write lock (it has written already): nobody else takes these rowids.
  const top = await sql<{ n: number }>`select coalesce(max(rowid), 0) as n from customers_fts`.execute(db);
  const base = Number(top.rows[0]?.n ?? 0);
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500).map((r, j) => ({ ...r, rowid: base + 1 + i + j }));
    await sql`insert into customers_fts (rowid, search_text, customer_id, tenant_id) values ${sql.join(part.map((r) => sql`(${r.rowid}, ${r.searchText}, ${r.id}, ${r.tenantId})`))}`.execute(db);
    await sql`insert into customers_fts_map (customer_id, fts_rowid) values ${sql.join(part.map((r) => sql`(${r.id}, ${r.rowid})`))}`.execute(db);
  }
}
