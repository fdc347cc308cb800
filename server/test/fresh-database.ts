import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from '../src/db/dialect';
import { databaseUrl } from './dialects';

/**
 * A database of the test's own, for tests that start real server processes: a file in a temporary folder for
 * SQLite, a new database on the test PostgreSQL server. `drop` removes it; on PostgreSQL it first gives this
 * process's own connections a few seconds to close, then forces (a forced drop otherwise raises an error on a
 * client nobody listens to any more).
 */
export async function freshDatabase(dialect: DialectName, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `guanxi-${label}-`));
    return { url: `sqlite:${join(dir, `${label}.db`)}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = new URL(databaseUrl('postgres'));
  const name = `guanxi_${label}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      try {
        for (let i = 0; ; i++) {
          try {
            await c.query(i < 25 ? `drop database if exists ${name}` : `drop database if exists ${name} with (force)`);
            break;
          } catch (err) {
            if (i >= 25) throw err;
            await new Promise((r) => setTimeout(r, 200));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}
