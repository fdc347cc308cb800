import { DEFAULT_FOLLOWUP_SOP } from '@guanxi/common/followup-sop';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, inLanguage } from '../../../test/activity-fixtures';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, createUserAndLogin, PASSWORD, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { runFollowupSop } from './followup-sop.service';

const DAY = 86_400_000;

for (const dialect of DIALECTS) {
  describe(`follow-up SOP [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let rep: TestClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t, '星河软件有限公司')).client;
      rep = (await createUserAndLogin(t, admin, { roleCode: 'sales', name: '李销售' })).client;
    });
    afterAll(() => t.close());

    it('starts with the seed 002 cadence; admins change it, with validation in zh-CN and en, versions and audit', async () => {
      const got = await rep.get('/followup-sop');
      expect(got.body).toEqual({ sop: DEFAULT_FOLLOWUP_SOP, version: 0 });
      expect((await rep.request('PUT', '/followup-sop', { sop: DEFAULT_FOLLOWUP_SOP, version: 0 })).status).toBe(403);
      const bad = { ...DEFAULT_FOLLOWUP_SOP, potential: { enabled: true, firstWithinDays: 0 } };
      const zh = await admin.request('PUT', '/followup-sop', { sop: bad, version: 0 });
      expect(zh.status).toBe(400);
      expect(zh.body.error.details[0]).toMatchObject({ field: 'sop.potential.firstWithinDays', message: '潜在客户首次跟进天数不能小于 1' });
      const en = await inLanguage(t, admin, 'en').request('PUT', '/followup-sop', { sop: { ...DEFAULT_FOLLOWUP_SOP, intent: { enabled: true, everyDays: 365 } }, version: 0 });
      expect(en.body.error.details[0].message).toBe('Follow-up interval of intent customers must be at most 90');
      const saved = await admin.request('PUT', '/followup-sop', { sop: { ...DEFAULT_FOLLOWUP_SOP, intent: { enabled: true, everyDays: 5 } }, version: 0 });
      expect(saved.body).toMatchObject({ version: 1, sop: { intent: { everyDays: 5 } } });
      expect((await admin.request('PUT', '/followup-sop', { sop: DEFAULT_FOLLOWUP_SOP, version: 0 })).status).toBe(409);
      const back = await admin.request('PUT', '/followup-sop', { sop: DEFAULT_FOLLOWUP_SOP, version: 1 });
      expect(back.body.version).toBe(2);
      expect((await admin.get('/audit?entity=settings&entityId=followup_sop')).body.total).toBe(2);
    });

    it('creates the SOP tasks itself without duplicates, marks customers overdue, and a follow-up completes the task', async () => {
      // Its own app: the clock moves a week on, past every session of the other tests.
      const t = await createTestApp(dialect);
      const a = (await signup(t, 'SOP公司')).client;
      const r = await createUserAndLogin(t, a, { roleCode: 'sales', name: '李销售' });
      let rep = r.client;
      const repId = r.user.id;
      const potential = await createCustomer(rep, 'SOP潜在');
      const intent = await createCustomer(rep, 'SOP意向', { status: 'intent' });
      const won = await createCustomer(rep, 'SOP成交', { status: 'won' });
      await runFollowupSop(t.deps);
      await runFollowupSop(t.deps);
      const sopTasks = async (customerId: string) => (await rep.get(`/tasks?customerId=${customerId}&source=sop`)).body.items as Array<{ subject: string; dueAt: string; status: string; assigneeId: string; onTime: boolean | null; type: string }>;
      const now = t.clock.now().getTime();
      const p = await sopTasks(potential.id);
      expect(p).toHaveLength(1);
      expect(p[0]).toMatchObject({ subject: `首次跟进：${potential.name}`, assigneeId: repId, dueAt: new Date(now + 7 * DAY).toISOString(), status: 'open' });
      expect((await sopTasks(intent.id)).map((x) => x.subject)).toEqual([`意向客户例行跟进：${intent.name}`]);
      expect((await sopTasks(won.id)).map((x) => x.subject).sort()).toEqual([`发送客户满意度调查问卷：${won.name}`, `成交回访：${won.name}`].sort());

      // Due within 7 days for the workbench; nine days later the customers are overdue.
      const due = await rep.get('/followup-sop/due-customers?mine=true&withinDays=7');
      expect(due.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([potential.id, intent.id, won.id]));
      expect(due.body.items.every((c: { overdue: boolean }) => !c.overdue)).toBe(true);
      t.clock.advance(9 * DAY);
      rep = t.client();
      await rep.post('/auth/login', { email: r.email, password: PASSWORD });
      const overdue = await rep.get('/followup-sop/due-customers?mine=true&withinDays=0');
      expect(overdue.body.items.find((c: { id: string }) => c.id === potential.id)).toMatchObject({ overdue: true, name: potential.name });
      expect((await rep.get(`/tasks?customerId=${potential.id}&overdue=true`)).body.total).toBe(1);

      // Logging the follow-up completes the SOP task (late: more than 24 h after due) and the customer is no longer due.
      await rep.post('/followups', { customerId: potential.id, date: t.clock.now().toISOString(), method: 'phone', content: '首次电话沟通' });
      expect((await sopTasks(potential.id))[0]).toMatchObject({ status: 'done', onTime: false });
      expect((await rep.get(`/customers/${potential.id}`)).status).toBe(200);
      const after = await rep.get('/followup-sop/due-customers?mine=true&withinDays=30');
      expect(after.body.items.map((c: { id: string }) => c.id)).not.toContain(potential.id);
      // The potential customer's first follow-up is done: the next run plans nothing more for it.
      await runFollowupSop(t.deps);
      expect(await sopTasks(potential.id)).toHaveLength(1);
      await t.close();
    });

    it('due customers respect tenant and data scope; roles without customer access get 403', async () => {
      const mine = await createCustomer(rep, 'SOP范围');
      await runFollowupSop(t.deps);
      const peer = (await createUserAndLogin(t, admin, { roleCode: 'sales', name: '王同事' })).client;
      expect((await peer.get('/followup-sop/due-customers?withinDays=30')).body.items.map((c: { id: string }) => c.id)).not.toContain(mine.id);
      const other = (await signup(t, '别家公司')).client;
      expect((await other.get('/followup-sop/due-customers?withinDays=30')).body.total).toBe(0);
      expect((await admin.get('/followup-sop/due-customers?withinDays=30')).body.items.map((c: { id: string }) => c.id)).toContain(mine.id);
      const service = (await createUserAndLogin(t, admin, { roleCode: 'marketing' })).client;
      expect((await service.get('/followup-sop')).status).toBe(403);
    });
  });
}
