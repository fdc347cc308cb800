import { createRoute, z } from '@hono/zod-openapi';
import { ZCondition } from '@guanxi/common/conditions';
import { ZCreateViewRequest, ZListViewsQuery, ZSavedView, ZUpdateViewRequest } from '@guanxi/common/views';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security, ZIdParam, ZOk } from '../../lib/http';
import { createSavedView, editSavedView, getSavedView, listSavedViews, removeSavedView } from './views.service';

const tags = ['views'];

// The condition tree is recursive: as a named component, OpenAPI refers to it instead of expanding it forever.
ZCondition.openapi('Condition', {
  description: 'A condition tree: { field, op, value } leaves joined by { and: [...] }, { or: [...] }, { not: ... }',
});

export function viewsRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/views', tags, security, summary: "Saved views of a list: the caller's own and those shared in the tenant",
      request: { query: ZListViewsQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(ZSavedView) })), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json({ items: await listSavedViews(deps, actor, c.req.valid('query').entity) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/views', tags, security,
      summary: 'Save a list view (filter as a condition tree, keyword, sort, columns, page size); shared: true shows it to the whole tenant',
      request: jsonBody(ZCreateViewRequest),
      responses: { 201: jsonResponse(ZSavedView), 400: e[400], 401: e[401], 403: e[403], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createSavedView(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/views/{id}', tags, security, summary: 'One saved view (own or shared)',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZSavedView), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getSavedView(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/views/{id}', tags, security,
      summary: 'Change a saved view (owner; admins with settings: manage for shared views); send its version, 409 when stale',
      request: { params: ZIdParam, ...jsonBody(ZUpdateViewRequest) },
      responses: { 200: jsonResponse(ZSavedView), 400: e[400], 401: e[401], 403: e[403], 404: e[404], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editSavedView(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/views/{id}', tags, security, summary: 'Delete a saved view (same rights as changing it)',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await removeSavedView(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
