import { createRoute, z } from '@hono/zod-openapi';
import { ZCreateRoleRequest, ZRole, ZUpdateRoleRequest } from '@guanxi/common/roles';
import { createRouter, ctx, errorResponses, jsonBody, jsonResponse, sessionSecurity, ZIdParam, ZOk } from '../../lib/http';
import { createRole, editRole, getRole, listTenantRoles, removeRole } from './roles.service';

const tags = ['roles'];
const security = sessionSecurity;

export function rolesRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/roles', tags, security, summary: 'Roles of my company with their permission matrix and user counts',
      responses: { 200: jsonResponse(z.object({ items: z.array(ZRole) })), 401: errorResponses[401], 403: errorResponses[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json({ items: await listTenantRoles(deps, actor) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/roles', tags, security, summary: 'Create a role',
      request: jsonBody(ZCreateRoleRequest),
      responses: { 201: jsonResponse(ZRole), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createRole(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/roles/{id}', tags, security, summary: 'One role',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZRole), 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getRole(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/roles/{id}', tags, security, summary: 'Edit a role: name, permission matrix, data scope (send its version)',
      request: { params: ZIdParam, ...jsonBody(ZUpdateRoleRequest) },
      responses: {
        200: jsonResponse(ZRole), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403],
        404: errorResponses[404], 409: errorResponses[409],
      },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editRole(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/roles/{id}', tags, security, summary: 'Delete a custom role that no user has',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 422: errorResponses[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await removeRole(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
