import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/dialects';
import { createDb, type DbHandle } from './create-db';
import type { DialectName } from './dialect';
import { migrateAllDown, migrateToLatest } from './migrate';
import { MIGRATIONS } from './migrations/index';

/** A database of its own: this test drops every table, which must not touch the run's shared database. */
async function scratchDb(dialect: DialectName): Promise<{ handle: DbHandle; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const handle = createDb('sqlite::memory:');
    return { handle, drop: () => handle.destroy() };
  }
  const admin = process.env.TEST_POSTGRES_URL!;
  const name = `guanxi_migrate_${Date.now()}_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const handle = createDb(url.toString(), { poolSize: 1 });
  return {
    handle,
    drop: async () => {
      await handle.destroy();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function tableNames(h: DbHandle): Promise<string[]> {
  const tables = await h.db.introspection.getTables();
  return tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
}

for (const dialect of DIALECTS) {
  describe(`migrations [${dialect}]`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    it('apply in order, are idempotent, and undo completely', async () => {
      const { handle, drop } = await scratchDb(dialect);
      cleanups.push(drop);
      const applied = await migrateToLatest(handle.db, dialect);
      expect(applied).toEqual(Object.keys(MIGRATIONS));
      expect(await migrateToLatest(handle.db, dialect)).toEqual([]);
      expect(await tableNames(handle)).toEqual(
        expect.arrayContaining([
          'api_tokens', 'app_settings', 'audit_log', 'departments', 'login_throttle', 'roles', 'sensitive_access_log',
          'sessions', 'tenants', 'users', 'dictionaries', 'custom_fields', 'customers', 'contacts', 'tags',
          'customer_tags', 'sequences', 'timeline_events',
        ]),
      );
      await migrateAllDown(handle.db, dialect);
      expect(await tableNames(handle)).toEqual([]);
      await migrateToLatest(handle.db, dialect);
      await sql`select count(*) from users`.execute(handle.db);
    });
  });
}
