import { createRoute } from '@hono/zod-openapi';
import { ZNotificationPreferences, ZNotificationPreferencesAnswer } from '@guanxi/common/notifications';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security } from '../../lib/http';
import { getNotificationPreferences, saveNotificationPreferences } from './notification-preferences.service';

const tags = ['notifications'];

export function notificationPreferencesRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get', path: '/notifications/preferences', tags, security, summary: 'My notification preferences (e-mail on/off, per type)',
      responses: { 200: jsonResponse(ZNotificationPreferencesAnswer), 401: e[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getNotificationPreferences(deps, actor), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put', path: '/notifications/preferences', tags, security, summary: 'Change my notification preferences',
      request: jsonBody(ZNotificationPreferences),
      responses: { 200: jsonResponse(ZNotificationPreferencesAnswer), 400: e[400], 401: e[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await saveNotificationPreferences(deps, actor, c.req.valid('json')), 200);
    },
  );
  return app;
}
