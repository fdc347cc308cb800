import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, databaseUrl } from '../../test/dialects';
import { beginBulkLoad, finishBulkLoad } from './bulk-load';
import { createDb, type DbHandle } from './create-db';
import { migrateToLatest } from './migrate';

const NAMES = ['contacts_tenant_customer_idx', 'contacts_tenant_mobile_idx', 'customers_tenant_name_norm_idx', 'customers_tenant_number_uq'];
// mobile and name_norm indexes go; the unique number index and the (tenant, customer) index stay.
const LOAD = { tables: ['customers', 'contacts'], columns: ['name_norm', 'mobile', 'number'], fts: 'customers_fts' };

for (const dialect of DIALECTS) {
  describe(`bulk-load mode [${dialect}]`, () => {
    // Bulk-load mode changes indexes for everyone, so on PostgreSQL this test gets a database of its own (the run's
    // test database is shared by test files running in parallel).
    const scratch = `guanxi_bulk_${process.pid}_${Date.now()}`;
    let t: { deps: Pick<DbHandle, 'db' | 'dialect'> };
    let handle: DbHandle;
    const onRunDatabase = async (statement: string) => {
      const admin = createDb(databaseUrl('postgres'), { poolSize: 1 });
      await sql.raw(statement).execute(admin.db);
      await admin.destroy();
    };
    beforeAll(async () => {
      let url = databaseUrl(dialect);
      if (dialect === 'postgres') {
        await onRunDatabase(`create database ${scratch}`);
        const u = new URL(url);
        u.pathname = `/${scratch}`;
        url = u.toString();
      }
      handle = createDb(url, { poolSize: 2 });
      await migrateToLatest(handle.db, handle.dialect);
      t = { deps: handle };
    });
    afterAll(async () => {
      await handle.destroy();
      if (dialect === 'postgres') await onRunDatabase(`drop database if exists ${scratch} with (force)`);
    });

    const indexes = async () => {
      const q = dialect === 'postgres'
        ? sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes where schemaname = current_schema() and indexname in (${sql.join(NAMES)}) order by 1`
        : sql<{ name: string; def: string }>`select name, sql as def from sqlite_master where type = 'index' and name in (${sql.join(NAMES)}) order by 1`;
      return (await q.execute(t.deps.db)).rows;
    };
    const automerge = async () =>
      (await sql<{ v: unknown }>`select v from customers_fts_config where k = 'automerge'`.execute(t.deps.db)).rows[0]?.v ?? null;

    it('drops only non-unique indexes, remembers them, and rebuilds them as they were', async () => {
      const before = await indexes();
      expect(before).toHaveLength(4);
      await beginBulkLoad(t.deps.db, t.deps.dialect, LOAD);
      expect((await indexes()).map((i) => i.name)).toEqual(['contacts_tenant_customer_idx', 'customers_tenant_number_uq']);
      if (dialect === 'sqlite') expect(Number(await automerge())).toBe(0);
      // A second begin (say, a rerun after a crash) changes nothing.
      await beginBulkLoad(t.deps.db, t.deps.dialect, LOAD);

      // What the next run does after a crash: finish whatever the stored state says.
      const steps: string[] = [];
      expect(await finishBulkLoad(t.deps.db, t.deps.dialect, (m) => steps.push(m))).toBe(true);
      expect(steps).toHaveLength(1);
      const after = await indexes();
      expect(after.map((i) => i.name)).toEqual(before.map((i) => i.name));
      if (dialect === 'postgres') expect(after).toEqual(before);
      if (dialect === 'sqlite') expect(Number(await automerge())).toBe(4);
      expect(await finishBulkLoad(t.deps.db, t.deps.dialect)).toBe(false);
      expect(await t.deps.db.selectFrom('app_settings').select('key').where('key', '=', 'bulk_load').execute()).toEqual([]);
    });
  });
}
