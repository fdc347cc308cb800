import { createRoute } from '@hono/zod-openapi';
import { ZNotificationsPage, ZNotificationsQuery } from '@guanxi/common/notifications';
import { createRouter, ctx, errorResponses as e, jsonResponse, sessionSecurity as security, ZIdParam, ZOk } from '../../lib/http';
import { listMyNotifications, markAllRead, markRead } from './notifications.service';

const tags = ['notifications'];

export function notificationsRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get', path: '/notifications', tags, security, summary: 'My notifications, newest first, with the unread count',
      request: { query: ZNotificationsQuery },
      responses: { 200: jsonResponse(ZNotificationsPage), 401: e[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listMyNotifications(deps, actor, c.req.valid('query')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/notifications/{id}/read', tags, security, summary: 'Mark one notification read',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 401: e[401], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await markRead(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/notifications/read-all', tags, security, summary: 'Mark all my notifications read',
      responses: { 200: jsonResponse(ZOk), 401: e[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await markAllRead(deps, actor);
      return c.json({ ok: true as const }, 200);
    },
  );
  return app;
}
