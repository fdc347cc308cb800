import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { createApp } from '../app';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { dialectOf } from '../db/create-db';
import { systemClock } from '../lib/clock';
import { createLogger } from '../lib/logger';
import { sessionHeaders, type BenchSession } from './bench-http';
import type { BenchStep } from './bench-scenarios';

/** One statement as the driver received it. */
export type CapturedQuery = { sql: string; parameters: readonly unknown[] };
export type Capture = { status: number; body: unknown; queries: CapturedQuery[] };

// The app's own transaction statements become savepoints inside the capture's outer transaction, which is rolled
// back: a captured write leaves nothing behind, and its replay can insert the very same ids again.
const TX_REWRITE: Array<[RegExp, string]> = [
  [/^(begin|start transaction.*)$/i, 'savepoint bench_app'],
  [/^commit$/i, 'release savepoint bench_app'],
  [/^rollback$/i, 'rollback to savepoint bench_app'],
];
const rewrite = (text: string) => TX_REWRITE.find(([re]) => re.test(text.trim()))?.[1] ?? text;
export const isTransactionControl = (text: string) => /^(begin|start transaction|commit|rollback|savepoint|release)\b/i.test(text.trim());

/**
 * The app in-process on its own connection to the bench database, with every compiled statement recorded. It runs
 * one request exactly as the server would (same code, same session) and yields the SQL and parameters it sent.
 */
export async function openCapture(databaseUrl: string, config: Config, secret: string) {
  const dialect = dialectOf(databaseUrl);
  let sink: CapturedQuery[] | null = null;
  const log = (e: LogEvent) => {
    if (sink && e.level === 'query') sink.push({ sql: e.query.sql, parameters: [...e.query.parameters] });
  };
  let begin: () => Promise<void>;
  let rollback: () => Promise<void>;
  let close: () => Promise<void>;
  let db: Kysely<Database>;
  if (dialect === 'sqlite') {
    const raw = new SQLite(databaseUrl.slice('sqlite:'.length));
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    const database = { close: () => raw.close(), prepare: (text: string) => raw.prepare(rewrite(text)) };
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), log });
    begin = async () => void raw.exec('begin');
    rollback = async () => void raw.exec('rollback');
    close = () => db.destroy();
  } else {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    // One client for everything the app asks of its pool: the outer transaction must see all of it. Queries the
    // app runs in parallel (Promise.all) wait their turn, as on a pool of one.
    let turn: Promise<unknown> = Promise.resolve();
    const query = (text: string, params: unknown[]) => {
      const run = turn.then(() => client.query(rewrite(text), params));
      turn = run.catch(() => {});
      return run;
    };
    const shared = { query, release: () => {} };
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect: async () => shared as any, end: async () => {} } }), log });
    begin = async () => void (await client.query('begin'));
    rollback = async () => void (await client.query('rollback'));
    close = async () => {
      await db.destroy();
      await client.end();
    };
  }
  const app = createApp({ db, dialect, config, clock: systemClock, logger: createLogger('silent'), secret });

  return {
    async run(step: BenchStep, session: BenchSession): Promise<Capture> {
      const queries: CapturedQuery[] = [];
      await begin();
      sink = queries;
      try {
        const headers: Record<string, string> = { 'Accept-Language': 'zh-CN', ...sessionHeaders(session, step.req.method) };
        if (step.req.body !== undefined) headers['Content-Type'] = 'application/json';
        const res = await app.request(step.req.path, {
          method: step.req.method, headers, body: step.req.body === undefined ? undefined : JSON.stringify(step.req.body),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null, queries };
      } finally {
        sink = null;
        await rollback();
      }
    },
    close,
  };
}
export type CaptureApp = Awaited<ReturnType<typeof openCapture>>;
