import { createRoute } from '@hono/zod-openapi';
import { ZAuditEntry, ZAuditQuery } from '@guanxi/common/audit';
import { ZPage } from '@guanxi/common/pagination';
import { createRouter, ctx, errorResponses, jsonResponse, sessionSecurity } from '../../lib/http';
import { readAudit } from './audit.service';

export function auditRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get', path: '/audit', tags: ['audit'], security: sessionSecurity,
      summary: 'Audit trail: per record (entity + entityId) for whoever may see it; tenant-wide for admins',
      request: { query: ZAuditQuery },
      responses: { 200: jsonResponse(ZPage(ZAuditEntry)), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await readAudit(deps, actor, c.req.valid('query')), 200);
    },
  );
  return app;
}
