import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/dialects';
import { createTestApp, signup, type TestApp } from '../../test/test-app';
import { refreshPlannerStatistics } from './planner-statistics';

for (const dialect of DIALECTS) {
  describe(`planner statistics [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(() => t.close());

    it(dialect === 'sqlite' ? 'analyses every table, customers included, and lists stay correct' : 'leaves PostgreSQL to autovacuum', async () => {
      const { client } = await signup(t, '统计信息有限公司');
      for (const [i, name] of ['星河', '云帆', '远山'].entries()) {
        const created = await client.post('/customers', { name: `${name}统计科技有限公司`, industry: 'C', source: 'referral', contact: { name: '张三', mobile: `1390000100${i}` } });
        expect(created.status).toBe(201);
      }
      const tables = await refreshPlannerStatistics(t.deps.db, dialect);
      const list = await client.get('/customers?pageSize=5');
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(3);
      if (dialect === 'postgres') {
        expect(tables).toEqual([]);
        return;
      }
      expect(tables).toEqual(expect.arrayContaining(['customers', 'contacts', 'customer_tags', 'users']));
      const stats = await sql<{ idx: string }>`select idx from sqlite_stat1 where tbl = 'customers'`.execute(t.deps.db);
      expect(stats.rows.map((r) => r.idx)).toEqual(expect.arrayContaining(['customers_live_owner_status_follow_up_idx', 'customers_live_id_idx']));
      // Analysing again (the next day's run) replaces the statistics instead of failing or adding to them.
      await refreshPlannerStatistics(t.deps.db, dialect);
      const again = await sql<{ n: number }>`select count(*) as n from sqlite_stat1 where tbl = 'customers' and idx = 'customers_live_id_idx'`.execute(t.deps.db);
      expect(Number(again.rows[0]!.n)).toBe(1);
    });
  });
}
