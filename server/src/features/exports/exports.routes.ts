import { createRoute, z } from '@hono/zod-openapi';
import { ZCreateExportRequest, ZExport, ZListImportsQuery } from '@guanxi/common/imports';
import { ZPage } from '@guanxi/common/pagination';
import { attachmentDisposition } from '../../lib/content-disposition';
import { createRouter, ctx, errorResponses, jsonBody, jsonResponse, sessionSecurity, ZIdParam } from '../../lib/http';
import { createExport, getExport, listExports, openExport } from './exports.service';

const tags = ['exports'];
const security = sessionSecurity;
const e = errorResponses;

export function exportsRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post', path: '/exports', tags, security,
      summary: 'Export a customer or contact list as filtered (filter, q, ownerId, status, tag; columns in order) to xlsx or csv, as a background job',
      request: jsonBody(ZCreateExportRequest),
      responses: { 201: jsonResponse(ZExport), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createExport(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/exports', tags, security, summary: 'My exports, newest first', request: { query: ZListImportsQuery },
      responses: { 200: jsonResponse(ZPage(ZExport)), 400: e[400], 401: e[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listExports(deps, actor, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/exports/{id}', tags, security, summary: 'Status and progress (total, processed)', request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZExport), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getExport(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/exports/{id}/download', tags, security, summary: 'The finished file (422 until it is done)', request: { params: ZIdParam },
      responses: {
        200: { description: 'xlsx or csv', content: { 'application/octet-stream': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } },
        401: e[401], 403: e[403], 404: e[404], 422: e[422],
      },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      const file = await openExport(deps, actor, c.req.valid('param').id);
      return new Response(file.stream, {
        status: 200,
        headers: {
          'Content-Type': file.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Length': String(file.size),
          'Content-Disposition': attachmentDisposition(file.fileName),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    },
  );

  return app;
}
