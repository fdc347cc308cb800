import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { DIALECTS } from '../../../test/dialects';
import { notify } from '../../lib/notify';

/** Reads Server-Sent Events from a streaming response, one `{ event, data }` at a time. */
function sseReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(timeoutMs = 10_000): Promise<{ event: string; data: any }> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (!data) continue; // a keep-alive comment
          return { event: lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message', data: JSON.parse(data) };
        }
        if (Date.now() > until) throw new Error('no event in time');
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

for (const dialect of DIALECTS) {
  describe(`notification stream (${dialect})`, () => {
    let t: TestApp;
    let url: string;
    let server: ReturnType<typeof serve>;
    let admin: TestClient;
    let tenantId: string;
    let rep: { client: TestClient; user: { id: string } };

    beforeAll(async () => {
      t = await createTestApp(dialect, { NOTIFY_STREAM_POLL_MS: 150 });
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const s = await signup(t);
      admin = s.client;
      tenantId = s.me.tenant.id;
      rep = await createUserAndLogin(t, admin, { roleCode: 'sales', name: '李娜' });
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    });

    const send = (userIds: string[], customerName: string) =>
      t.deps.db.transaction().execute((trx) => notify({ ...t.deps, db: trx }, tenantId, userIds, 'customer.assigned', { customerId: 'c-1', customerName, by: '王管理' }));

    it('pushes the unread count at once, then each new notification and the new count, over real HTTP', async () => {
      await send([rep.user.id], '旧通知');
      const res = await fetch(`${url}/api/v1/notifications/stream`, { headers: { Cookie: rep.client.cookie! } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const events = sseReader(res);
      try {
        expect(await events.next()).toEqual({ event: 'notifications', data: { unread: 1, latest: [] } });
        await send([rep.user.id, admin.me!.user.id], '华星科技');
        const second = await events.next();
        expect(second.data.unread).toBe(2);
        expect(second.data.latest).toHaveLength(1);
        expect(second.data.latest[0]).toMatchObject({ type: 'customer.assigned', data: { customerName: '华星科技' }, readAt: null });
        // Reading elsewhere (another tab, another process) updates the count too.
        expect((await rep.client.post('/notifications/read-all')).status).toBe(200);
        expect(await events.next()).toEqual({ event: 'notifications', data: { unread: 0, latest: [] } });
      } finally {
        await events.cancel();
      }
    });

    it('another user’s notifications never appear; without a session the stream is refused', async () => {
      const res = await fetch(`${url}/api/v1/notifications/stream`, { headers: { Cookie: admin.cookie! } });
      const events = sseReader(res);
      try {
        const first = await events.next();
        await send([rep.user.id], '只给李娜');
        await send([admin.me!.user.id], '给管理员');
        const next = await events.next();
        expect(next.data.unread).toBe(first.data.unread + 1);
        expect(next.data.latest.map((n: { data: { customerName: string } }) => n.data.customerName)).toEqual(['给管理员']);
      } finally {
        await events.cancel();
      }
      expect((await fetch(`${url}/api/v1/notifications/stream`)).status).toBe(401);
    });
  });
}
