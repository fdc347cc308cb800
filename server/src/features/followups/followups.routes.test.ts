import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, inLanguage, timelineTypes } from '../../../test/activity-fixtures';
import { DIALECTS } from '../../../test/dialects';
import { createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { createTestApp } from '../../../test/test-app';

// The clock is set to 2026-11-23T01:00Z (09:00 in Beijing); follow-ups are logged at 09:30.

const TODAY = '2026-11-23T09:30:00+08:00';
const TOMORROW = '2026-11-24T10:00:00+08:00';

for (const dialect of DIALECTS) {
  describe(`follow-ups [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let rep: TestClient;
    let repId: string;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t, '星河软件有限公司')).client;
      const r = await createUserAndLogin(t, admin, { roleCode: 'sales', name: '李销售' });
      rep = r.client;
      repId = r.user.id;
      t.clock.set(new Date('2026-11-23T01:00:00Z'));
    });
    afterAll(() => t.close());

    it('logs a follow-up: last follow-up time, a task for the follower due at the next time with a reminder, timeline, audit, status suggestion', async () => {
      const c = await createCustomer(rep, '鼎盛机械');
      t.clock.set(new Date('2026-11-23T02:00:00Z'));
      const res = await rep.post('/followups', {
        customerId: c.id, contactId: c.primaryContact!.id, date: TODAY, method: 'phone', content: '电话沟通了设备维护需求，客户希望看方案',
        feedback: 'interested', nextAction: '发送维护方案', nextFollowUpAt: TOMORROW,
      });
      expect(res.status).toBe(201);
      const f = res.body;
      expect(f).toMatchObject({
        customerId: c.id, contactName: '张伟', method: 'phone', followerId: repId, followerName: '李销售', feedback: 'interested',
        date: '2026-11-23T01:30:00.000Z', nextFollowUpAt: '2026-11-24T02:00:00.000Z', statusSuggestion: 'intent',
      });
      const customer = (await rep.get(`/customers/${c.id}`)).body;
      expect(customer.lastFollowUpAt).toBe('2026-11-23T01:30:00.000Z');
      // A suggestion, not a change.
      expect(customer.status).toBe('potential');
      const task = (await rep.get(`/tasks/${f.taskId}`)).body;
      expect(task).toMatchObject({
        subject: '发送维护方案', assigneeId: repId, customerId: c.id, status: 'open', source: 'followup', followupId: f.id,
        dueAt: '2026-11-24T02:00:00.000Z', remindAt: '2026-11-24T01:30:00.000Z', remindedAt: null,
      });
      expect(await timelineTypes(rep, c.id)).toEqual(['task_created', 'followup_logged', 'created']);
      const audit = await rep.get(`/audit?entity=followup&entityId=${f.id}`);
      expect(audit.status).toBe(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    });

    it('naming a contact is not a view of its mobile: nothing goes to the sensitive-access log', async () => {
      const c = await createCustomer(admin, '敏感日志测试');
      const logged = async () => Number((await t.deps.db.selectFrom('sensitive_access_log').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity', '=', 'contact').executeTakeFirstOrThrow()).n);
      const before = await logged();
      const res = await admin.post('/followups', { customerId: c.id, contactId: c.primaryContact!.id, date: TODAY, method: 'phone', content: '确认联系人' });
      expect(res.status).toBe(201);
      expect(res.body.contactName).toBe('张伟');
      expect(await logged()).toBe(before);
    });

    it('keeps the last follow-up time and the task right on edit and delete (the latest remaining record)', async () => {
      const c = await createCustomer(rep, '联拓贸易');
      const first = (await rep.post('/followups', { customerId: c.id, date: '2026-11-20T10:00:00+08:00', method: 'email', content: '发送产品资料' })).body;
      const second = (await rep.post('/followups', { customerId: c.id, date: TODAY, method: 'visit', content: '上门拜访', nextFollowUpAt: TOMORROW })).body;
      expect((await rep.get(`/customers/${c.id}`)).body.lastFollowUpAt).toBe('2026-11-23T01:30:00.000Z');

      const moved = await rep.patch(`/followups/${second.id}`, { version: second.version, nextFollowUpAt: '2026-11-26T15:00:00+08:00', content: '上门拜访，见到采购经理' });
      expect(moved.status).toBe(200);
      expect(moved.body.taskId).toBe(second.taskId);
      expect((await rep.get(`/tasks/${second.taskId}`)).body.dueAt).toBe('2026-11-26T07:00:00.000Z');
      const stale = await rep.patch(`/followups/${second.id}`, { version: second.version, content: '旧版本' });
      expect(stale.status).toBe(409);

      // Deleting needs the delete right (sales have view, create, edit): the admin does it.
      expect((await admin.delete(`/followups/${second.id}`)).status).toBe(200);
      expect((await rep.get(`/customers/${c.id}`)).body.lastFollowUpAt).toBe('2026-11-20T02:00:00.000Z');
      expect((await rep.get(`/tasks/${second.taskId}`)).body.status).toBe('cancelled');
      expect((await rep.get(`/followups/${second.id}`)).status).toBe(404);
      // The trail outlives the record (readable by whoever reads the whole trail).
      const audit = await admin.get(`/audit?entity=followup&entityId=${second.id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
      const changed = audit.body.items[1].changes.map((ch: { field: string }) => ch.field);
      expect(changed).toEqual(expect.arrayContaining(['content', 'nextFollowUpAt']));
      expect(await timelineTypes(rep, c.id, 'followup_logged,followup_updated,followup_deleted')).toEqual(['followup_deleted', 'followup_updated', 'followup_logged', 'followup_logged']);
      expect(first.taskId).toBeNull();
    });

    it.each([
      ['zh-CN', { content: '' }, 'content', '内容为必填项'],
      ['en', { content: '' }, 'content', 'Content is required'],
      ['zh-CN', { method: 'pigeon' }, 'method', '跟进方式的取值不在字典中：pigeon'],
      ['en', { method: 'pigeon' }, 'method', 'Method has a value that is not in the dictionary: pigeon'],
      ['zh-CN', { date: '2026-11-23' }, 'date', '跟进时间应为带时区的日期时间'],
      ['en', { date: 'yesterday' }, 'date', 'Follow-up time must be a date and time with an offset'],
      ['zh-CN', { nextFollowUpAt: '2026-11-22T10:00:00+08:00' }, 'nextFollowUpAt', '下次跟进时间应晚于跟进时间'],
      ['en', { nextFollowUpAt: '2026-11-22T10:00:00+08:00' }, 'nextFollowUpAt', 'Next follow-up time must be later than the follow-up time'],
      ['zh-CN', { feedback: 'maybe' }, 'feedback', '客户反馈的取值无效'],
      ['en', { followerId: 'nobody' }, 'followerId', 'Follower is not an active user of this company'],
      ['zh-CN', { contactId: 'nobody' }, 'contactId', '联系人指向的记录不存在'],
    ] as const)('rejects bad input (%s) %j naming the field and rule, and stores nothing', async (lang, patch, field, message) => {
      const c = await createCustomer(rep, '校验客户');
      const res = await inLanguage(t, rep, lang).post('/followups', { customerId: c.id, date: TODAY, method: 'phone', content: '沟通', ...patch });
      expect(res.status).toBe(400);
      const d = res.body.error.details.find((x: { field: string }) => x.field === field);
      expect(d?.message).toContain(message);
      expect((await rep.get(`/followups?customerId=${c.id}`)).body.total).toBe(0);
      expect((await rep.get(`/customers/${c.id}`)).body.lastFollowUpAt).toBeNull();
    });

    it('answers 404 to another tenant and to a rep outside the data scope, 403 to a role without the module', async () => {
      const c = await createCustomer(rep, '保密客户');
      const f = (await rep.post('/followups', { customerId: c.id, date: TODAY, method: 'phone', content: '沟通' })).body;
      const other = (await signup(t, '别家公司')).client;
      expect((await other.get(`/followups/${f.id}`)).status).toBe(404);
      expect((await other.patch(`/followups/${f.id}`, { version: 1, content: 'x' })).status).toBe(404);
      expect((await other.delete(`/followups/${f.id}`)).status).toBe(404);
      expect((await other.post('/followups', { customerId: c.id, date: TODAY, method: 'phone', content: 'x' })).status).toBe(400);
      expect((await other.get(`/followups?customerId=${c.id}`)).body.total).toBe(0);

      const peer = (await createUserAndLogin(t, admin, { roleCode: 'sales', name: '王同事' })).client;
      expect((await peer.get(`/followups/${f.id}`)).status).toBe(404);
      expect((await peer.patch(`/followups/${f.id}`, { version: 1, content: 'x' })).status).toBe(404);
      const denied = await peer.post('/followups', { customerId: c.id, date: TODAY, method: 'phone', content: 'x' });
      expect(denied.body.error.details[0]).toMatchObject({ field: 'customerId', rule: 'not_found' });
      expect((await peer.get('/followups')).body.items.map((i: { id: string }) => i.id)).not.toContain(f.id);

      const marketing = (await createUserAndLogin(t, admin, { roleCode: 'marketing' })).client;
      expect((await marketing.get('/followups')).status).toBe(403);
      expect((await marketing.get(`/followups/${f.id}`)).status).toBe(403);
      expect((await marketing.post('/followups', { customerId: c.id, date: TODAY, method: 'phone', content: 'x' })).status).toBe(403);
      // Sales may not delete follow-ups (seeded rights: view, create, edit).
      expect((await rep.delete(`/followups/${f.id}`)).status).toBe(403);
      // The admin sees everything and may delete.
      expect((await admin.get(`/followups/${f.id}`)).status).toBe(200);
    });

    it('lists follow-ups newest first with paging and filters', async () => {
      const c = await createCustomer(rep, '分页客户');
      for (const day of ['20', '21', '22']) await rep.post('/followups', { customerId: c.id, date: `2026-11-${day}T10:00:00+08:00`, method: 'phone', content: `第${day}日沟通` });
      const page = await rep.get(`/followups?customerId=${c.id}&pageSize=2`);
      expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(page.body.items.map((f: { content: string }) => f.content)).toEqual(['第22日沟通', '第21日沟通']);
      const ranged = await rep.get(`/followups?customerId=${c.id}&from=${encodeURIComponent('2026-11-21T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-22T00:00:00+08:00')}`);
      expect(ranged.body.items.map((f: { content: string }) => f.content)).toEqual(['第21日沟通']);
    });

    it('counts a long history only as far as the pager reaches (totalCapped), exactly when it is short', async () => {
      const c = await createCustomer(rep, '长历史客户');
      for (let i = 0; i < 11; i++) {
        const day = String(10 + i).padStart(2, '0');
        await rep.post('/followups', { customerId: c.id, date: `2026-11-${day}T09:00:00+08:00`, method: 'phone', content: `历史${day}` });
      }
      // pageSize 2: the count looks three pages ahead of page 1 (8 rows) and stops there.
      expect((await rep.get(`/followups?customerId=${c.id}&pageSize=2`)).body).toMatchObject({ total: 8, totalCapped: true });
      expect((await rep.get(`/followups?customerId=${c.id}&pageSize=2&page=3`)).body).toMatchObject({ total: 11, totalCapped: false });
      expect((await rep.get(`/followups?customerId=${c.id}&pageSize=4&page=3`)).body).toMatchObject({ total: 11, totalCapped: false, items: [{}, {}, {}] });
      expect((await rep.get(`/followups?customerId=${c.id}&pageSize=50`)).body).toMatchObject({ total: 11, totalCapped: false });
    });
  });
}
