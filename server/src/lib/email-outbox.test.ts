import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../test/test-app';
import { DIALECTS } from '../../test/dialects';
import { sendPendingEmails } from './email-outbox';
import { notify } from './notify';

type Captured = { to: string[]; raw: string };

/** A real SMTP server on a free port that keeps every message it accepts. */
async function startSmtp() {
  const messages: Captured[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (b: Buffer) => (raw += b.toString('utf8')));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { messages, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The decoded subject of a captured message (nodemailer encodes non-ASCII subjects as RFC 2047 words). */
function subjectOf(raw: string): string {
  const line = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return line.replace(/\r\n[ \t]/g, ' ').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

for (const dialect of DIALECTS) {
  describe(`notification e-mail (${dialect})`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let admin: TestClient;
    let tenantId: string;
    let optedIn: { client: TestClient; user: { id: string }; email: string };
    let optedOut: { client: TestClient; user: { id: string }; email: string };
    const config = () => ({ SMTP_URL: smtp.url, MAIL_FROM: 'Guanxi CRM <crm@example.com>', PUBLIC_URL: 'https://crm.example.com' });
    // Only this tenant's mail: other test files share the PostgreSQL database and may leave mail of their own.
    const send = (overrides: Partial<ReturnType<typeof config>> = {}) => sendPendingEmails(t.deps, { ...config(), ...overrides }, undefined, { tenantId });
    const notifyBoth = (type: string, data: Record<string, unknown>) =>
      t.deps.db.transaction().execute((trx) => notify({ ...t.deps, db: trx }, tenantId, [optedIn.user.id, optedOut.user.id], type, data));
    const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));

    beforeAll(async () => {
      smtp = await startSmtp();
      t = await createTestApp(dialect, { SMTP_URL: 'smtp://127.0.0.1:1' });
      const s = await signup(t);
      admin = s.client;
      tenantId = s.me.tenant.id;
      optedIn = await createUserAndLogin(t, admin, { roleCode: 'sales', name: '李娜' });
      optedOut = await createUserAndLogin(t, admin, { roleCode: 'sales', name: '王磊' });
    });
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    it('preferences: e-mail off by default, switched on per user and per type; bad input is 400 in zh-CN and en', async () => {
      const initial = await optedIn.client.get('/notifications/preferences');
      expect(initial.status).toBe(200);
      expect(initial.body).toMatchObject({ emailEnabled: false, emailTypes: {}, emailConfigured: true, email: optedIn.email });
      expect(initial.body.types).toContain('customer.transferred');
      const saved = await optedIn.client.request('PUT', '/notifications/preferences', { emailEnabled: true, emailTypes: { 'customer.pool_warning': false } });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ emailEnabled: true, emailTypes: { 'customer.pool_warning': false } });
      expect((await optedOut.client.get('/notifications/preferences')).body.emailEnabled).toBe(false);

      const bad = await optedIn.client.request('PUT', '/notifications/preferences', { emailEnabled: true, emailTypes: { 'no.such': true } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('emailTypes.no.such');
      expect(bad.body.error.details[0].message).toContain('customer.transferred');
      const missing = await optedIn.client.request('PUT', '/notifications/preferences', { emailTypes: {} }, { 'Accept-Language': 'en' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.details[0]).toMatchObject({ field: 'emailEnabled' });
      expect(missing.body.error.details[0].message).toMatch(/required/i);
      const missingZh = await optedIn.client.request('PUT', '/notifications/preferences', { emailTypes: {} });
      expect(missingZh.body.error.details[0].message).toContain('必填');
      expect((await optedIn.client.get('/notifications/preferences')).body.emailEnabled).toBe(true);
      const audit = await admin.get(`/audit?entity=notification_settings&entityId=${optedIn.user.id}`);
      expect(audit.body.total).toBe(1);
    });

    it('the opted-in user gets exactly one e-mail in their language; the opted-out user none; sending again sends nothing', async () => {
      await optedIn.client.patch('/auth/me', { locale: 'en' });
      await notifyBoth('customer.transferred', { customerId: 'c-1', customerName: '华星科技', by: '王管理', to: optedIn.user.id });
      expect(await send()).toEqual({ sent: 1, failed: 0 });
      expect(await send()).toEqual({ sent: 0, failed: 0 });
      const mine = mailsTo(optedIn.email);
      expect(mine).toHaveLength(1);
      expect(subjectOf(mine[0]!.raw)).toBe('[Guanxi CRM] Customer "华星科技" was transferred to you');
      expect(mine[0]!.raw).toContain('https://crm.example.com/customers/c-1');
      expect(mine[0]!.raw).toMatch(/Message-ID: <[^>]+@guanxi-crm>/i);
      expect(mailsTo(optedOut.email)).toHaveLength(0);
      // Both still have the in-app notice.
      expect((await optedOut.client.get('/notifications')).body.unread).toBeGreaterThanOrEqual(1);

      // A type switched off by e-mail: in-app only.
      await notifyBoth('customer.pool_warning', { customerId: 'c-2', customerName: '远航贸易', withinDays: 3 });
      expect(await send()).toEqual({ sent: 0, failed: 0 });
      expect(mailsTo(optedIn.email)).toHaveLength(1);
    });

    it('SMTP down: the e-mail is retried later and still sent exactly once', async () => {
      await optedIn.client.patch('/auth/me', { locale: 'zh-CN' });
      await notifyBoth('customer.assigned', { customerId: 'c-3', customerName: '东方电子', by: '王管理' });
      const before = mailsTo(optedIn.email).length;
      expect(await send({ SMTP_URL: 'smtp://127.0.0.1:1' })).toEqual({ sent: 0, failed: 1 });
      const row = await t.deps.db.selectFrom('email_outbox').selectAll().where('user_id', '=', optedIn.user.id).where('state', '=', 'pending').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ attempts: 1 });
      expect(row.last_error).toBeTruthy();
      // Not due yet: nothing is sent before the backoff.
      expect(await send()).toEqual({ sent: 0, failed: 0 });
      t.clock.advance(61_000);
      expect(await send()).toEqual({ sent: 1, failed: 0 });
      t.clock.advance(3600_000);
      expect(await send()).toEqual({ sent: 0, failed: 0 });
      const after = mailsTo(optedIn.email);
      expect(after).toHaveLength(before + 1);
      expect(subjectOf(after.at(-1)!.raw)).toBe('[Guanxi CRM] 公海客户「东方电子」已分配给你');
      const rows = await t.deps.db.selectFrom('email_outbox').select(['state', 'attempts']).where('id', '=', row.id).execute();
      expect(rows).toEqual([{ state: 'sent', attempts: 2 }]);
    });

    it('a send interrupted by a dying process is not sent again', async () => {
      await notifyBoth('customer.assigned', { customerId: 'c-4', customerName: '长城机械', by: '王管理' });
      const row = await t.deps.db.selectFrom('email_outbox').select('id').where('user_id', '=', optedIn.user.id).where('state', '=', 'pending').executeTakeFirstOrThrow();
      await t.deps.db.updateTable('email_outbox').set({ state: 'sending', locked_until: t.clock.now().toISOString() }).where('id', '=', row.id).execute();
      const before = smtp.messages.length;
      t.clock.advance(1000);
      expect(await send()).toEqual({ sent: 0, failed: 0 });
      expect(smtp.messages.length).toBe(before);
      expect(await t.deps.db.selectFrom('email_outbox').select(['state']).where('id', '=', row.id).executeTakeFirst()).toEqual({ state: 'failed' });
    });

    it('without SMTP_URL nothing is sent', async () => {
      expect(await sendPendingEmails(t.deps, {})).toEqual({ skipped: 'SMTP_URL is not set' });
    });
  });
}
