import pg from 'pg';
import { createDb, dialectOf, sqliteHandleOf } from '../db/create-db';
import { isTransactionControl, type CapturedQuery } from './bench-capture';
import { msSince, summarize, type LatencySummary } from './bench-stats';

const isRead = (text: string) => /^\s*(select|with)\b/i.test(text) && !/\b(insert|update|delete)\b/i.test(text);

/**
 * The raw driver on its own connection: replays a request's captured statements with no HTTP, no query builder and
 * no mapping, so what is left is the database's own cost — the floor a request cannot go below. Statements are
 * prepared once (the server prepares per query; the floor leaves that out too). A sequence that writes runs inside
 * BEGIN … ROLLBACK, so it can repeat (same ids) and leaves nothing behind; ROLLBACK stands in for the COMMIT.
 */
export async function openFloor(databaseUrl: string) {
  if (dialectOf(databaseUrl) === 'sqlite') {
    // The connection as the server opens it (same pragmas: page cache, WAL, foreign keys), driven directly.
    const handle = createDb(databaseUrl);
    const raw = sqliteHandleOf(handle.db)!;
    return {
      async time(queries: CapturedQuery[], opts: { iterations: number; warmup: number }): Promise<LatencySummary> {
        const list = queries.filter((x) => !isTransactionControl(x.sql));
        const writes = list.some((x) => !isRead(x.sql));
        const prepared = list.map((x) => ({ stmt: raw.prepare(x.sql), params: x.parameters as unknown[] }));
        const once = () => {
          if (writes) raw.exec('begin');
          try {
            for (const p of prepared) {
              if (p.stmt.reader) p.stmt.all(p.params);
              else p.stmt.run(p.params);
            }
          } finally {
            if (writes) raw.exec('rollback');
          }
        };
        const samples: number[] = [];
        for (let i = 0; i < opts.warmup + opts.iterations; i++) {
          const start = process.hrtime.bigint();
          once();
          if (i >= opts.warmup) samples.push(msSince(start));
        }
        return summarize(samples);
      },
      close: () => handle.destroy(),
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    async time(queries: CapturedQuery[], opts: { iterations: number; warmup: number }): Promise<LatencySummary> {
      const list = queries.filter((x) => !isTransactionControl(x.sql));
      const writes = list.some((x) => !isRead(x.sql));
      const samples: number[] = [];
      for (let i = 0; i < opts.warmup + opts.iterations; i++) {
        const start = process.hrtime.bigint();
        if (writes) await client.query('begin');
        try {
          for (const x of list) await client.query(x.sql, x.parameters as unknown[]);
        } finally {
          if (writes) await client.query('rollback');
        }
        if (i >= opts.warmup) samples.push(msSince(start));
      }
      return summarize(samples);
    },
    close: () => client.end(),
  };
}
export type FloorTimer = Awaited<ReturnType<typeof openFloor>>;
