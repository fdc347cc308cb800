import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { DIALECTS } from '../../../test/dialects';
import { jobQueueFor } from '../../lib/jobs';
import { createScheduler } from '../../lib/scheduler';
import { notify } from '../../lib/notify';

for (const dialect of DIALECTS) {
  describe(`jobs admin API (${dialect})`, () => {
    let t: TestApp;
    let admin: TestClient;
    let other: TestClient;
    let sales: TestClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t)).client;
      other = (await signup(t, '远航贸易有限公司')).client;
      sales = (await createUserAndLogin(t, admin, { roleCode: 'sales' })).client;
    });
    afterAll(async () => {
      await t.close();
    });

    it('an admin queues a diagnostics job, lists it, reads it, cancels it and queues it again', async () => {
      const ping = await admin.post('/jobs/ping');
      expect(ping.status).toBe(201);
      expect(ping.body).toMatchObject({ name: 'system-ping', state: 'queued', system: false, attempts: 0 });
      const list = await admin.get('/jobs?name=system-ping&state=queued');
      expect(list.status).toBe(200);
      expect(list.body.items.map((j: { id: string }) => j.id)).toContain(ping.body.id);
      expect(list.body).toMatchObject({ page: 1, pageSize: 50 });
      expect((await admin.get(`/jobs/${ping.body.id}`)).body).toMatchObject({ id: ping.body.id, state: 'queued' });

      const cancelled = await admin.post(`/jobs/${ping.body.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.state).toBe('cancelled');
      expect((await admin.get('/jobs?state=cancelled')).body.items.map((j: { id: string }) => j.id)).toContain(ping.body.id);
      const again = await admin.post(`/jobs/${ping.body.id}/retry`);
      expect(again.status).toBe(200);
      expect(again.body.state).toBe('queued');

      const audit = await admin.get(`/audit?entity=job&entityId=${ping.body.id}`);
      expect(audit.body.items.map((a: { action: string }) => a.action).sort()).toEqual(['cancel', 'create', 'retry']);
    });

    it('retrying a queued job or cancelling a finished one is refused with the reason, in zh-CN and en', async () => {
      const ping = await admin.post('/jobs/ping');
      const retry = await admin.post(`/jobs/${ping.body.id}/retry`);
      expect(retry.status).toBe(422);
      expect(retry.body.error.details[0]).toMatchObject({ field: 'state', message: '只有失败或已取消的任务可以重试（当前状态：queued）' });
      await admin.post(`/jobs/${ping.body.id}/cancel`);
      const en = t.client({ lang: 'en' });
      en.cookie = admin.cookie;
      en.csrf = admin.csrf;
      const cancel = await en.post(`/jobs/${ping.body.id}/cancel`);
      expect(cancel.status).toBe(422);
      expect(cancel.body.error.details[0]).toMatchObject({ field: 'state', message: 'Only a queued job can be cancelled (it is cancelled)' });
      const bad = await admin.get('/jobs?state=done');
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('state');
      const badDelay = await en.post('/jobs/ping', { delaySeconds: -1 });
      expect(badDelay.status).toBe(400);
      expect(badDelay.body.error.details[0]).toMatchObject({ field: 'delaySeconds' });
      expect(badDelay.body.error.details[0].message).toContain('0');
    });

    it('a role without settings:manage gets 403 everywhere', async () => {
      const ping = await admin.post('/jobs/ping');
      expect((await sales.get('/jobs')).status).toBe(403);
      expect((await sales.get('/jobs/periodic')).status).toBe(403);
      expect((await sales.post('/jobs/ping')).status).toBe(403);
      expect((await sales.get(`/jobs/${ping.body.id}`)).status).toBe(403);
      expect((await sales.post(`/jobs/${ping.body.id}/cancel`)).status).toBe(403);
      expect((await sales.post(`/jobs/${ping.body.id}/retry`)).status).toBe(403);
      expect((await admin.get(`/jobs/${ping.body.id}`)).body.state).toBe('queued');
    });

    it('another tenant’s job is 404 and not listed', async () => {
      const ping = await admin.post('/jobs/ping');
      expect((await other.get(`/jobs/${ping.body.id}`)).status).toBe(404);
      expect((await other.post(`/jobs/${ping.body.id}/cancel`)).status).toBe(404);
      expect((await other.post(`/jobs/${ping.body.id}/retry`)).status).toBe(404);
      const list = await other.get('/jobs?pageSize=200');
      expect(list.body.items.map((j: { id: string }) => j.id)).not.toContain(ping.body.id);
      expect((await admin.get(`/jobs/${ping.body.id}`)).body.state).toBe('queued');
      expect((await admin.get('/jobs/no-such-job')).status).toBe(404);
    });

    it('system jobs are listed by name and state only, and cannot be read, retried or cancelled', async () => {
      const queue = jobQueueFor(t.deps);
      const name = `test_system_${Date.now().toString(36)}`;
      const id = (await queue.enqueue(name, { secret: 'another tenant' }, { tenantId: null }))!;
      const list = await admin.get(`/jobs?name=${name}`);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({ id, system: true, state: 'queued', result: null, progress: null, lastError: null });
      expect(JSON.stringify(list.body)).not.toContain('another tenant');
      expect((await admin.get(`/jobs/${id}`)).status).toBe(404);
      expect((await admin.post(`/jobs/${id}/cancel`)).status).toBe(404);
      expect((await queue.get(id))!.state).toBe('queued');
    });

    it('the e-mail outbox summary counts the tenant’s notification e-mails by state and lists failures', async () => {
      const me = (await admin.get('/auth/me')).body;
      expect((await admin.request('PUT', '/notifications/preferences', { emailEnabled: true, emailTypes: {} })).status).toBe(200);
      await t.deps.db.transaction().execute((trx) => notify({ ...t.deps, db: trx }, me.tenant.id, [me.user.id], 'customer.assigned', { customerName: '华星' }));
      await t.deps.db.transaction().execute((trx) => notify({ ...t.deps, db: trx }, me.tenant.id, [me.user.id], 'customer.assigned', { customerName: '远航' }));
      const [one] = await t.deps.db.selectFrom('email_outbox').select('id').where('tenant_id', '=', me.tenant.id).limit(1).execute();
      await t.deps.db.updateTable('email_outbox').set({ state: 'failed', last_error: 'connect ECONNREFUSED', attempts: 6 }).where('id', '=', one!.id).execute();
      const res = await admin.get('/jobs/email-outbox');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ smtpConfigured: false, counts: { pending: 1, failed: 1, sent: 0 } });
      expect(res.body.recentFailures).toEqual([expect.objectContaining({ userName: '王管理', type: 'customer.assigned', attempts: 6, error: 'connect ECONNREFUSED' })]);
      expect((await other.get('/jobs/email-outbox')).body.counts).toMatchObject({ pending: 0, failed: 0 });
      expect((await sales.get('/jobs/email-outbox')).status).toBe(403);
    });

    it('periodic jobs show their latest run and status, without results', async () => {
      const name = `test_periodic_${Date.now().toString(36)}`;
      const scheduler = createScheduler({ db: t.deps.db, dialect: t.deps.dialect, clock: t.clock, logger: t.deps.logger }, [
        { name, everyMs: 60_000, run: async () => ({ moved: 3 }) },
      ]);
      await scheduler.runDue();
      const res = await admin.get('/jobs/periodic');
      expect(res.status).toBe(200);
      const row = res.body.items.find((p: { name: string }) => p.name === name);
      expect(row).toMatchObject({ name, everyMs: 60_000, lastStatus: 'succeeded', lastSlot: '2026-11-23T02:00:00.000Z' });
      expect(row.lastResult).toBeUndefined();
      // The run log keeps 14 days: an old slot goes at the next run, the latest stays.
      t.clock.advance(15 * 24 * 3600_000);
      await scheduler.runDue();
      const slots = await t.deps.db.selectFrom('job_runs').select('slot').where('job', '=', name).execute();
      expect(slots.map((s) => s.slot)).toEqual([t.clock.now().toISOString().replace(/:\d\d\.\d+Z$/, ':00.000Z')]);
    });
  });
}
