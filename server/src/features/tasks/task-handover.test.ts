import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

for (const dialect of DIALECTS) {
  describe(`a transferred customer's open tasks follow it [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t)).client;
    });
    afterAll(() => t.close());

    it('moves the previous owner’s open tasks on that customer to the new owner, and leaves the rest', async () => {
      const repA = await createUserAndLogin(t, admin, { roleCode: 'sales', name: '销售甲', mobile: '13500001001' });
      const repB = await createUserAndLogin(t, admin, { roleCode: 'sales', name: '销售乙', mobile: '13500001002' });
      const c = (await repA.client.post('/customers', {
        name: '交接测试有限公司', industry: 'I', source: 'trade_show', contact: { name: '张伟', mobile: '13500001011' },
      })).body;
      const other = (await repA.client.post('/customers', {
        name: '不相关有限公司', industry: 'I', source: 'trade_show', contact: { name: '李雷', mobile: '13500001012' },
      })).body;
      const due = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
      const task = async (subject: string, customerId: string) => (await repA.client.post('/tasks', { subject, dueAt: due, customerId })).body;
      const open = await task('回访', c.id);
      const done = await task('已完成的', c.id);
      expect((await repA.client.post(`/tasks/${done.id}/complete`, {})).status).toBe(200);
      const elsewhere = await task('别的客户', other.id);

      const moved = await repA.client.post(`/customers/${c.id}/transfer`, { ownerId: repB.user.id, reason: '交接' });
      expect(moved.status).toBe(200);
      expect((await repB.client.get(`/tasks/${open.id}`)).body).toMatchObject({ assigneeId: repB.user.id, status: 'open' });
      expect((await admin.get(`/tasks/${done.id}`)).body.assigneeId).toBe(repA.user.id);
      expect((await repA.client.get(`/tasks/${elsewhere.id}`)).body.assigneeId).toBe(repA.user.id);
      const tl = (await admin.get(`/customers/${c.id}/timeline?types=transferred`)).body.items;
      expect(tl[0].data).toMatchObject({ to: repB.user.id, tasksMoved: 1 });
    });
  });
}
