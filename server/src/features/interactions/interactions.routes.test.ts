import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_TIMELINE_TYPES } from '@guanxi/common/activities';
import { createCustomer, inLanguage, timelineTypes } from '../../../test/activity-fixtures';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

const AT = '2026-11-23T09:40:00+08:00';

for (const dialect of DIALECTS) {
  describe(`interactions and the customer timeline [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let rep: TestClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t, '星河软件有限公司')).client;
      rep = (await createUserAndLogin(t, admin, { roleCode: 'sales', name: '李销售' })).client;
      t.clock.set(new Date('2026-11-23T01:00:00Z'));
    });
    afterAll(() => t.close());

    it('logs calls, emails, chats and meetings against customer and contact, with timeline and audit entries', async () => {
      const c = await createCustomer(rep, '华南电子');
      const contactId = c.primaryContact!.id;
      const call = await rep.post('/interactions', {
        customerId: c.id, contactId, kind: 'call', direction: 'inbound', occurredAt: AT, durationSeconds: 320, problemType: '售后咨询', result: '已解答，待回访',
      });
      expect(call.status).toBe(201);
      expect(call.body).toMatchObject({ kind: 'call', contactName: '张伟', durationSeconds: 320, problemType: '售后咨询', result: '已解答，待回访', occurredAt: '2026-11-23T01:40:00.000Z' });
      for (const body of [
        { kind: 'email', subject: '报价单', content: '附上报价', occurredAt: '2026-11-23T09:41:00+08:00' },
        { kind: 'chat', content: '微信确认了交期', occurredAt: '2026-11-23T09:42:00+08:00' },
        { kind: 'meeting', content: '线上演示产品', subject: '产品演示', occurredAt: '2026-11-23T09:43:00+08:00' },
      ]) expect((await rep.post('/interactions', { customerId: c.id, contactId, ...body })).status).toBe(201);
      const list = await rep.get(`/interactions?customerId=${c.id}`);
      expect(list.body.items.map((i: { kind: string }) => i.kind)).toEqual(['meeting', 'chat', 'email', 'call']);
      expect((await rep.get(`/interactions?customerId=${c.id}&kind=call`)).body.total).toBe(1);
      const edited = await rep.patch(`/interactions/${call.body.id}`, { version: call.body.version, result: '问题已解决' });
      expect(edited.body.result).toBe('问题已解决');
      const audit = await rep.get(`/audit?entity=interaction&entityId=${call.body.id}`);
      expect(audit.body.items[0].changes).toEqual([{ field: 'result', from: '已解答，待回访', to: '问题已解决' }]);
      // A call must keep its duration.
      expect((await rep.patch(`/interactions/${call.body.id}`, { version: edited.body.version, durationSeconds: null })).status).toBe(400);
    });

    it.each([
      ['zh-CN', { kind: 'call' }, 'durationSeconds', '通话时长为必填项'],
      ['en', { kind: 'call' }, 'durationSeconds', 'Call duration is required'],
      ['zh-CN', { kind: 'email' }, 'subject', '主题为必填项'],
      ['en', { kind: 'chat' }, 'content', 'Content is required'],
      ['zh-CN', { kind: 'fax', content: 'x' }, 'kind', '交互类型的取值无效'],
      ['en', { kind: 'call', durationSeconds: -1 }, 'durationSeconds', 'Call duration must be at least 0'],
      ['zh-CN', { kind: 'chat', content: 'x', occurredAt: '昨天' }, 'occurredAt', '发生时间应为带时区的日期时间'],
    ] as const)('rejects bad input (%s) %j naming the field and rule', async (lang, patch, field, message) => {
      const c = await createCustomer(rep, '校验客户');
      const res = await inLanguage(t, rep, lang).post('/interactions', { customerId: c.id, occurredAt: AT, ...patch });
      expect(res.status).toBe(400);
      expect(res.body.error.details.find((d: { field: string }) => d.field === field)?.message).toContain(message);
      expect((await rep.get(`/interactions?customerId=${c.id}`)).body.total).toBe(0);
    });

    it('answers 404 to another tenant and out-of-scope reps, 403 to a role without follow-up rights', async () => {
      const c = await createCustomer(rep, '保密客户');
      const i = (await rep.post('/interactions', { customerId: c.id, kind: 'chat', content: '沟通', occurredAt: AT })).body;
      const other = (await signup(t, '别家公司')).client;
      expect((await other.get(`/interactions/${i.id}`)).status).toBe(404);
      expect((await other.patch(`/interactions/${i.id}`, { version: 1, content: 'x' })).status).toBe(404);
      expect((await other.delete(`/interactions/${i.id}`)).status).toBe(404);
      const peer = (await createUserAndLogin(t, admin, { roleCode: 'sales', name: '王同事' })).client;
      expect((await peer.get(`/interactions/${i.id}`)).status).toBe(404);
      expect((await peer.post('/interactions', { customerId: c.id, kind: 'chat', content: 'x', occurredAt: AT })).status).toBe(400);
      const marketing = (await createUserAndLogin(t, admin, { roleCode: 'marketing' })).client;
      expect((await marketing.get('/interactions')).status).toBe(403);
      expect((await rep.delete(`/interactions/${i.id}`)).status).toBe(403);
      t.clock.set(new Date('2026-11-23T02:00:00Z'));
      expect((await admin.delete(`/interactions/${i.id}`)).status).toBe(200);
      expect(await timelineTypes(admin, c.id, ACTIVITY_TIMELINE_TYPES.interaction.join(','))).toEqual(['interaction_deleted', 'interaction_logged']);
    });

    it('shows follow-ups, tasks and interactions on one customer timeline, newest first, filterable by type and paginated', async () => {
      const c = await createCustomer(rep, '时间线客户');
      t.clock.set(new Date('2026-11-23T03:00:00Z'));
      await rep.post('/followups', { customerId: c.id, date: '2026-11-23T10:00:00+08:00', method: 'phone', content: '首次电话', nextFollowUpAt: '2026-11-24T10:00:00+08:00' });
      await rep.post('/interactions', { customerId: c.id, kind: 'email', subject: '资料', occurredAt: '2026-11-23T10:30:00+08:00' });
      const task = (await rep.post('/tasks', { subject: '准备方案', dueAt: '2026-11-25T10:00:00+08:00', customerId: c.id })).body;
      t.clock.set(new Date('2026-11-23T04:00:00Z'));
      await rep.post(`/tasks/${task.id}/complete`);
      expect(await timelineTypes(rep, c.id)).toEqual(['task_done', 'task_created', 'task_created', 'interaction_logged', 'followup_logged', 'created']);
      const groups = ACTIVITY_TIMELINE_TYPES;
      expect(await timelineTypes(rep, c.id, groups.followup.join(','))).toEqual(['followup_logged']);
      expect(await timelineTypes(rep, c.id, groups.task.join(','))).toEqual(['task_done', 'task_created', 'task_created']);
      const page2 = await rep.get(`/customers/${c.id}/timeline?pageSize=2&page=2`);
      expect(page2.body).toMatchObject({ total: 6, page: 2, pageSize: 2 });
      expect(page2.body.items.map((e: { type: string }) => e.type)).toEqual(['task_created', 'interaction_logged']);
      const done = (await rep.get(`/customers/${c.id}/timeline?types=task_done`)).body.items[0];
      expect(done).toMatchObject({ refType: 'task', refId: task.id, actorName: '李销售', data: { subject: '准备方案', onTime: true } });
    });
  });
}
