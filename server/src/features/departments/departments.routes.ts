import { createRoute, z } from '@hono/zod-openapi';
import { ZCreateDepartmentRequest, ZDepartment, ZUpdateDepartmentRequest } from '@guanxi/common/departments';
import { createRouter, ctx, errorResponses, jsonBody, jsonResponse, sessionSecurity, ZIdParam, ZOk } from '../../lib/http';
import { createDepartment, editDepartment, getDepartment, listVisibleDepartments, removeDepartment } from './departments.service';

const tags = ['departments'];
const security = sessionSecurity;

export function departmentsRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/departments', tags, security, summary: 'Departments within my data scope (flat; build the tree from parentId)',
      responses: { 200: jsonResponse(z.object({ items: z.array(ZDepartment) })), 401: errorResponses[401], 403: errorResponses[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json({ items: await listVisibleDepartments(deps, actor) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/departments', tags, security, summary: 'Create a department',
      request: jsonBody(ZCreateDepartmentRequest),
      responses: { 201: jsonResponse(ZDepartment), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createDepartment(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/departments/{id}', tags, security, summary: 'One department',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZDepartment), 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getDepartment(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/departments/{id}', tags, security, summary: 'Edit or move a department (send its version)',
      request: { params: ZIdParam, ...jsonBody(ZUpdateDepartmentRequest) },
      responses: {
        200: jsonResponse(ZDepartment), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403],
        404: errorResponses[404], 409: errorResponses[409],
      },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editDepartment(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/departments/{id}', tags, security, summary: 'Delete an empty department',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 422: errorResponses[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await removeDepartment(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
