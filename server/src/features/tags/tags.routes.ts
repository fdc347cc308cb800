import { createRoute, z } from '@hono/zod-openapi';
import { ZCreateTagRequest, ZTag, ZUpdateTagRequest } from '@guanxi/common/tags';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security, ZIdParam, ZOk } from '../../lib/http';
import { createTag, editTag, listTenantTags, removeTag } from './tags.service';

const tags = ['tags'];

export function tagsRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get', path: '/tags', tags, security, summary: 'Customer tags with groups and usage counts',
      responses: { 200: jsonResponse(z.object({ items: z.array(ZTag) })), 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json({ items: await listTenantTags(deps, actor) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/tags', tags, security, summary: 'Create a tag (customers: manage)',
      request: jsonBody(ZCreateTagRequest),
      responses: { 201: jsonResponse(ZTag), 400: e[400], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createTag(deps, actor, c.req.valid('json')), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'patch', path: '/tags/{id}', tags, security, summary: 'Rename, regroup or recolour a tag',
      request: { params: ZIdParam, ...jsonBody(ZUpdateTagRequest) },
      responses: { 200: jsonResponse(ZTag), 400: e[400], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editTag(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete', path: '/tags/{id}', tags, security, summary: 'Delete a tag (removed from every customer)',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await removeTag(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );
  return app;
}
