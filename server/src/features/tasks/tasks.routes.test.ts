import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, inLanguage, timelineTypes } from '../../../test/activity-fixtures';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { runTaskReminders } from './task-reminders';
import { runTaskSeries } from './task-series.service';

const H = 3_600_000;

for (const dialect of DIALECTS) {
  describe(`tasks [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let rep: TestClient;
    let repId: string;
    let rep2Id: string;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t, '星河软件有限公司')).client;
      const r = await createUserAndLogin(t, admin, { roleCode: 'sales', name: '李销售' });
      rep = r.client;
      repId = r.user.id;
      rep2Id = (await createUserAndLogin(t, admin, { roleCode: 'sales', name: '赵销售' })).user.id;
    });
    afterAll(() => t.close());

    const task = (over: Record<string, unknown> = {}) => ({ subject: '回访客户', type: 'call', dueAt: '2026-11-24T10:00:00+08:00', ...over });

    it('creates a task for me with a default reminder, and shows it on the customer timeline', async () => {
      const c = await createCustomer(rep, '远航物流');
      const res = await rep.post('/tasks', task({ customerId: c.id, contactId: c.primaryContact!.id, priority: 'high' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        subject: '回访客户', assigneeId: repId, assigneeName: '李销售', customerId: c.id, customerName: c.name, priority: 'high', status: 'open',
        dueAt: '2026-11-24T02:00:00.000Z', remindOffsetMinutes: 15, remindAt: '2026-11-24T01:45:00.000Z', source: 'manual', overdue: false,
      });
      expect(await timelineTypes(rep, c.id, 'task_created')).toEqual(['task_created']);
    });

    it.each([
      ['zh-CN', { subject: '' }, 'subject', '主题为必填项'],
      ['en', { subject: '' }, 'subject', 'Subject is required'],
      ['zh-CN', { dueAt: '明天' }, 'dueAt', '截止时间应为带时区的日期时间'],
      ['en', { dueAt: '2026-11-24' }, 'dueAt', 'Due time must be a date and time with an offset'],
      ['zh-CN', { priority: 'now' }, 'priority', '优先级的取值无效'],
      ['en', { type: 'fax' }, 'type', 'Type must be one of: call, visit, email, online_meeting, other'],
      ['zh-CN', { remindOffsetMinutes: -5 }, 'remindOffsetMinutes', '提前提醒不能小于 0'],
      ['en', { assigneeId: 'nobody' }, 'assigneeId', 'Assignee is not an active user of this company'],
      ['zh-CN', { customerId: 'nobody' }, 'customerId', '客户指向的记录不存在'],
    ] as const)('rejects bad input (%s) %j naming the field and rule', async (lang, patch, field, message) => {
      const before = (await rep.get('/tasks?mine=true')).body.total;
      const res = await inLanguage(t, rep, lang).post('/tasks', task(patch));
      expect(res.status).toBe(400);
      expect(res.body.error.details.find((d: { field: string }) => d.field === field)?.message).toContain(message);
      expect((await rep.get('/tasks?mine=true')).body.total).toBe(before);
    });

    it('completes a task recording doneAt and onTime (within 24 h of due), and reopens it', async () => {
      const c = await createCustomer(rep, '准时客户');
      const onTime = (await rep.post('/tasks', task({ customerId: c.id, dueAt: '2026-11-23T12:00:00+08:00' }))).body;
      const late = (await rep.post('/tasks', task({ dueAt: '2026-11-22T08:00:00+08:00' }))).body;
      expect(late.overdue).toBe(true);
      const done = await rep.post(`/tasks/${onTime.id}/complete`);
      expect(done.body).toMatchObject({ status: 'done', doneAt: '2026-11-23T02:00:00.000Z', onTime: true, overdue: false });
      expect((await rep.post(`/tasks/${late.id}/complete`)).body).toMatchObject({ status: 'done', onTime: false });
      const again = await rep.post(`/tasks/${onTime.id}/complete`);
      expect(again.status).toBe(422);
      const reopened = await rep.patch(`/tasks/${onTime.id}`, { version: done.body.version, status: 'open' });
      expect(reopened.body).toMatchObject({ status: 'open', doneAt: null, onTime: null });
      expect(await timelineTypes(rep, c.id, 'task_created,task_done,task_reopened')).toEqual(['task_reopened', 'task_done', 'task_created']);
    });

    it('lists with filters: mine, status, customer, due range, overdue; paginated', async () => {
      const t2 = await createTestApp(dialect);
      const a = (await signup(t2, '筛选公司')).client;
      const c = await createCustomer(a, '筛选客户');
      const due = ['2026-11-22T09:00:00+08:00', '2026-11-23T15:00:00+08:00', '2026-11-25T09:00:00+08:00', '2026-11-30T09:00:00+08:00'];
      const ids = [];
      for (const [i, d] of due.entries()) ids.push((await a.post('/tasks', task({ subject: `任务${i}`, dueAt: d, customerId: i < 2 ? c.id : null }))).body.id);
      await a.post(`/tasks/${ids[3]}/complete`);
      const subjects = async (qs: string) => (await a.get(`/tasks?${qs}`)).body.items.map((x: { subject: string }) => x.subject);
      expect(await subjects('mine=true')).toEqual(['任务0', '任务1', '任务2', '任务3']);
      expect(await subjects('status=open')).toEqual(['任务0', '任务1', '任务2']);
      expect(await subjects('overdue=true')).toEqual(['任务0']);
      expect(await subjects(`customerId=${c.id}`)).toEqual(['任务0', '任务1']);
      expect(await subjects(`dueFrom=${encodeURIComponent('2026-11-23T00:00:00+08:00')}&dueTo=${encodeURIComponent('2026-11-24T00:00:00+08:00')}`)).toEqual(['任务1']);
      expect(await subjects('sort=-dueAt&pageSize=2&page=1')).toEqual(['任务3', '任务2']);
      expect((await a.get('/tasks?pageSize=2')).body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
      expect((await a.get('/tasks?sort=colour')).status).toBe(400);
      await t2.close();
    });

    it('bulk completes and reassigns with per-row results', async () => {
      const mine = [];
      for (let i = 0; i < 3; i++) mine.push((await admin.post('/tasks', task({ subject: `批量${i}` }))).body);
      await admin.post(`/tasks/${mine[2].id}/complete`);
      const res = await admin.post('/tasks/bulk', { action: 'complete', ids: [mine[0].id, mine[1].id, mine[2].id, 'missing'] });
      expect(res.status).toBe(200);
      expect(res.body.done).toEqual([mine[0].id, mine[1].id]);
      expect(res.body.failed).toEqual([
        { id: mine[2].id, code: 'UNPROCESSABLE', message: '任务已完成或已取消' },
        { id: 'missing', code: 'NOT_FOUND', message: '记录不存在或无权访问' },
      ]);
      const open = (await admin.post('/tasks', task({ subject: '转交任务' }))).body;
      const moved = await admin.post('/tasks/bulk', { action: 'reassign', ids: [open.id], assigneeId: rep2Id });
      expect(moved.body).toEqual({ done: [open.id], failed: [] });
      expect((await admin.get(`/tasks/${open.id}`)).body.assigneeId).toBe(rep2Id);
      const bad = await inLanguage(t, admin, 'en').post('/tasks/bulk', { action: 'reassign', ids: [open.id] });
      expect(bad.body.error.details[0].message).toBe('Assignee is required');
      // A sales rep (scope: self) may not hand work to a colleague.
      const mineToo = (await rep.post('/tasks', task())).body;
      const denied = await rep.post('/tasks/bulk', { action: 'reassign', ids: [mineToo.id], assigneeId: rep2Id });
      expect(denied.body.error.details[0]).toMatchObject({ field: 'assigneeId', rule: 'owner_inactive' });
    });

    it('answers 404 to another tenant and to a rep outside the data scope, 403 to a weaker role', async () => {
      const x = (await rep.post('/tasks', task({ subject: '我的任务' }))).body;
      const other = (await signup(t, '别家公司')).client;
      for (const res of [await other.get(`/tasks/${x.id}`), await other.patch(`/tasks/${x.id}`, { version: 1, subject: 'x' }),
        await other.post(`/tasks/${x.id}/complete`), await other.delete(`/tasks/${x.id}`)]) expect(res.status).toBe(404);
      const peer = (await createUserAndLogin(t, admin, { roleCode: 'sales', name: '王同事' })).client;
      expect((await peer.get(`/tasks/${x.id}`)).status).toBe(404);
      expect((await peer.post(`/tasks/${x.id}/complete`)).status).toBe(404);
      expect((await peer.post('/tasks/bulk', { action: 'complete', ids: [x.id] })).body.failed[0].code).toBe('NOT_FOUND');
      expect((await peer.get('/tasks')).body.items.map((i: { id: string }) => i.id)).not.toContain(x.id);
      const marketing = (await createUserAndLogin(t, admin, { roleCode: 'marketing' })).client;
      expect((await marketing.get('/tasks')).status).toBe(403);
      expect((await marketing.post('/tasks', task())).status).toBe(403);
      expect((await marketing.post('/task-series', { subject: 'x', rule: { freq: 'daily', time: '09:00' }, startsOn: '2026-11-23' })).status).toBe(403);
      expect((await rep.delete(`/tasks/${x.id}`)).status).toBe(403);
      expect((await admin.delete(`/tasks/${x.id}`)).status).toBe(200);
      expect((await admin.get(`/audit?entity=task&entityId=${x.id}`)).body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
    });

    it('fires each due reminder exactly once through the notification centre (manual clock)', async () => {
      const t3 = await createTestApp(dialect);
      const a = (await signup(t3, '提醒公司')).client;
      const x = (await a.post('/tasks', task({ subject: '提醒我', dueAt: '2026-11-23T11:00:00+08:00', remindOffsetMinutes: 30 }))).body;
      const none = (await a.post('/tasks', task({ subject: '不提醒', dueAt: '2026-11-23T11:00:00+08:00', remindOffsetMinutes: null }))).body;
      const deps = t3.deps;
      // The job serves every tenant (on PostgreSQL the run's database is shared), so count this user's notices.
      const reminders = async () => (await a.get('/notifications')).body.items.filter((n: { type: string }) => n.type === 'task.reminder');
      await runTaskReminders(deps, new Date('2026-11-23T02:20:00Z'));
      expect(await reminders()).toHaveLength(0);
      t3.clock.set(new Date('2026-11-23T02:31:00Z'));
      await runTaskReminders(deps);
      await runTaskReminders(deps);
      const notes = await reminders();
      expect(notes).toHaveLength(1);
      expect(notes[0].data).toMatchObject({ taskId: x.id, subject: '提醒我', dueAt: '2026-11-23T03:00:00.000Z' });
      expect((await a.get(`/tasks/${x.id}`)).body.remindedAt).toBe('2026-11-23T02:31:00.000Z');
      expect((await a.get(`/tasks/${none.id}`)).body.remindAt).toBeNull();
      // Moving the due time re-arms the reminder; completing the task silences it.
      const moved = await a.patch(`/tasks/${x.id}`, { version: (await a.get(`/tasks/${x.id}`)).body.version, dueAt: '2026-11-23T12:00:00+08:00' });
      expect(moved.body.remindedAt).toBeNull();
      await a.post(`/tasks/${x.id}/complete`);
      t3.clock.set(new Date('2026-11-23T04:00:00Z'));
      await runTaskReminders(deps);
      expect(await reminders()).toHaveLength(1);
      await t3.close();
    });

    it('recurring tasks: every Wednesday 14:00 in the assignee time zone, materialised ahead without duplicates; pausing cancels future ones', async () => {
      const res = await rep.post('/task-series', { subject: '推送产品资料', type: 'email', rule: { freq: 'weekly', weekday: 3, time: '14:00' }, startsOn: '2026-11-23' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ subject: '推送产品资料', assigneeId: repId, rule: { freq: 'weekly', weekday: 3, time: '14:00' }, active: true });
      const list = async () => (await rep.get(`/tasks?mine=true&source=recurring&status=open`)).body.items.map((x: { dueAt: string }) => x.dueAt);
      expect(await list()).toEqual(['2026-11-25T06:00:00.000Z', '2026-12-02T06:00:00.000Z']);
      // The job runs again (other process, next hour): nothing doubles; a week later the horizon adds one.
      await runTaskSeries(t.deps);
      expect(await list()).toEqual(['2026-11-25T06:00:00.000Z', '2026-12-02T06:00:00.000Z']);
      await runTaskSeries(t.deps, new Date(t.clock.now().getTime() + 7 * 24 * H));
      expect(await list()).toEqual(['2026-11-25T06:00:00.000Z', '2026-12-02T06:00:00.000Z', '2026-12-09T06:00:00.000Z']);
      const paused = await rep.patch(`/task-series/${res.body.id}`, { version: res.body.version, active: false });
      expect(paused.body.active).toBe(false);
      expect(await list()).toEqual([]);
      expect((await rep.get('/task-series?mine=true')).body.total).toBe(1);
      const bad = await inLanguage(t, rep, 'en').post('/task-series', { subject: '坏规则', rule: { freq: 'weekly', time: '25:00' }, startsOn: '2026-11-23' });
      expect(bad.status).toBe(400);
      const fields = Object.fromEntries(bad.body.error.details.map((d: { field: string; message: string }) => [d.field, d.message]));
      expect(fields['rule.time']).toBe('Time must be a 24-hour time like 14:00');
      const zh = await rep.post('/task-series', { subject: '坏规则', rule: { freq: 'monthly', time: '09:00' }, startsOn: '2026-11-23' });
      expect(zh.body.error.details[0].message).toBe('每月日期为必填项');
    });
  });
}
