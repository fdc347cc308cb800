import { streamSSE } from 'hono/streaming';
import type { TNotification, TNotificationStreamEvent } from '@guanxi/common/notifications';
import { readJson, readTimestamp } from '../../db/dialect';
import type { Actor } from '../../lib/actor';
import { createRouter, ctx, type AppDeps } from '../../lib/http';

/** A stream ends after this long; the browser's EventSource reconnects (and so re-checks the session). */
const MAX_STREAM_MS = 5 * 60_000;
const HEARTBEAT_MS = 25_000;

type Cursor = { at: string; id: string };

async function snapshot(deps: AppDeps, actor: Actor, after: Cursor): Promise<{ unread: number; latest: TNotification[] }> {
  const mine = deps.db.selectFrom('notifications').where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId);
  const [count, rows] = await Promise.all([
    mine.where('read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    mine.where((eb) => eb.or([eb('created_at', '>', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '>', after.id)])]))
      .selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(10).execute(),
  ]);
  return {
    unread: Number(count.n),
    latest: rows.map((r) => ({ id: r.id, type: r.type, data: readJson<Record<string, unknown>>(r.data, {}), readAt: readTimestamp(r.read_at, true), createdAt: readTimestamp(r.created_at) })),
  };
}

async function newest(deps: AppDeps, actor: Actor): Promise<Cursor> {
  const row = await deps.db.selectFrom('notifications').select(['created_at', 'id']).where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? { at: row.created_at instanceof Date ? row.created_at.toISOString() : String(row.created_at), id: row.id } : { at: new Date(0).toISOString(), id: '' };
}

/**
 * GET /notifications/stream — Server-Sent Events with my unread count and new notifications, so the bell updates
 * without a page reload. Each connection polls the database (NOTIFY_STREAM_POLL_MS), which works the same with
 * any number of app processes; an event is sent only when something changed, a comment keeps proxies from
 * closing an idle stream. Not in the OpenAPI document (it is not JSON).
 */
export function notificationsStreamRoutes() {
  const app = createRouter();
  app.get('/notifications/stream', (c) => {
    const { actor, deps } = ctx(c);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      const started = Date.now();
      let lastSent = Date.now();
      let unread = -1;
      let after = await newest(deps, actor);
      while (open && Date.now() - started < MAX_STREAM_MS) {
        const snap = await snapshot(deps, actor, after);
        if (snap.unread !== unread || snap.latest.length > 0) {
          const event: TNotificationStreamEvent = snap;
          await stream.writeSSE({ event: 'notifications', data: JSON.stringify(event) });
          unread = snap.unread;
          if (snap.latest[0]) after = { at: snap.latest[0].createdAt, id: snap.latest[0].id };
          lastSent = Date.now();
        } else if (Date.now() - lastSent > HEARTBEAT_MS) {
          await stream.write(': keep-alive\n\n');
          lastSent = Date.now();
        }
        await stream.sleep(deps.config.NOTIFY_STREAM_POLL_MS);
      }
    });
  });
  return app;
}
