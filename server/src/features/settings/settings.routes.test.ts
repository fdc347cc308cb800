import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { runCompletenessRecompute } from './settings.service';

for (const dialect of DIALECTS) {
  describe(`completeness weights and notifications [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t, '权重测试公司')).client;
    });
    afterAll(() => t.close());

    it('recomputes every score after the weights change, and only admins may change them', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await admin.post('/customers', {
          name: `权重客户${i}`, industry: 'C', source: 'referral',
          contact: { name: '赵六', mobile: `1350000${String(2000 + i)}`, email: `w${i}@weights.example` },
        });
        ids.push(res.body.id);
      }
      const before = (await admin.get(`/customers/${ids[0]}`)).body.completeness;
      expect(before).toBeLessThan(100);
      const current = (await admin.get('/settings/completeness')).body;
      expect(current.weights.requirement).toBe(10);
      const onlyFilled = Object.fromEntries(Object.keys(current.weights).map((k) => [k, 0]));
      const saved = await admin.request('PUT', '/settings/completeness', { weights: { ...onlyFilled, name: 50, industry: 50 }, version: current.version });
      expect(saved.status).toBe(200);
      await runCompletenessRecompute(t.deps);
      for (const id of ids) expect((await admin.get(`/customers/${id}`)).body.completeness).toBe(100);
      const pending = await t.deps.db.selectFrom('tenant_settings').select('key').where('key', '=', 'completeness_recompute').execute();
      expect(pending).toEqual([]);

      const rep = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13500009999' });
      expect((await rep.client.request('PUT', '/settings/completeness', { weights: { name: 1 } })).status).toBe(403);
      const stale = await admin.request('PUT', '/settings/completeness', { weights: { name: 1 }, version: current.version });
      expect(stale.status).toBe(409);
      const zero = await admin.request('PUT', '/settings/completeness', { weights: onlyFilled });
      expect(zero.status).toBe(400);
    });

    it("lists my notifications with the unread count, marks them read, and never shows another user's", async () => {
      const rep = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13500008888' });
      const c = (await admin.post('/customers', {
        name: '通知测试客户', industry: 'C', source: 'referral', contact: { name: '钱七', mobile: '13500007777', email: 'n@notify.example' },
      })).body;
      await admin.post(`/customers/${c.id}/transfer`, { ownerId: rep.user.id });
      const mine = (await rep.client.get('/notifications')).body;
      expect(mine.unread).toBe(1);
      expect(mine.items[0]).toMatchObject({ type: 'customer.transferred', data: { customerName: '通知测试客户' }, readAt: null });
      expect((await admin.post(`/notifications/${mine.items[0].id}/read`)).status).toBe(404);
      expect((await rep.client.post(`/notifications/${mine.items[0].id}/read`)).status).toBe(200);
      expect((await rep.client.get('/notifications?unread=true')).body).toMatchObject({ total: 0, unread: 0 });
      await rep.client.post('/notifications/read-all');
    });
  });
}
