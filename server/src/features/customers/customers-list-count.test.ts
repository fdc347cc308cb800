import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, signup, type TestApp, type TestClient } from '../../../test/test-app';

const names = ['甲', '乙', '丙', '丁', '戊', '己'].map((c) => `${c}辰计数科技有限公司`);

// The list counts only as far as its pager reaches (three pages beyond the requested one); past that the total is
// "at least" and says so (docs/performance.md).
for (const dialect of DIALECTS) {
  describe(`customer list totals [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t, '计数测试有限公司')).client;
      for (const [i, name] of names.entries()) {
        const res = await admin.post('/customers', {
          name, industry: 'I', source: 'website', contact: { name: '王芳', mobile: `1391000000${i}` },
        });
        expect(res.status).toBe(201);
      }
    });
    afterAll(() => t.close());

    it('counts exactly within reach of the pager and flags a capped total beyond it', async () => {
      const first = await admin.get('/customers?pageSize=1');
      expect(first.body).toMatchObject({ total: 4, totalCapped: true, page: 1, pageSize: 1 });
      expect(first.body.items).toHaveLength(1);
      // From page 3 of 1 the pager reaches page 6: all six customers, counted exactly.
      const third = await admin.get('/customers?pageSize=1&page=3');
      expect(third.body).toMatchObject({ total: 6, totalCapped: false, page: 3 });
    });

    it('knows the total of a last, partly filled page without counting, and of a page past the end', async () => {
      expect((await admin.get('/customers?pageSize=4&page=2')).body).toMatchObject({ total: 6, totalCapped: false });
      expect((await admin.get('/customers?pageSize=50')).body).toMatchObject({ total: 6, totalCapped: false });
      const past = await admin.get('/customers?pageSize=5&page=3');
      expect(past.body).toMatchObject({ total: 6, totalCapped: false, items: [] });
      expect((await admin.get(`/customers?q=${encodeURIComponent('辰计数')}&pageSize=2`)).body).toMatchObject({ total: 6, totalCapped: false });
    });
  });
}
