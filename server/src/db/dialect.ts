import { sql, type RawBuilder } from 'kysely';

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

/** Reads a timestamp column (Date on PostgreSQL, ISO text on SQLite) as an ISO 8601 string. */
export function readTimestamp(value: unknown): string;
export function readTimestamp(value: unknown, nullable: true): string | null;
export function readTimestamp(value: unknown, nullable?: true): string | null {
  if (value === null || value === undefined) {
    if (nullable) return null;
    throw new Error('Unexpected null timestamp');
  }
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
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
