import { createRoute } from '@hono/zod-openapi';
import { ZPage } from '@guanxi/common/pagination';
import { ZCreateUserRequest, ZListUsersQuery, ZResetPasswordRequest, ZUpdateUserRequest, ZUser, ZUserDirectoryEntry, ZUserDirectoryQuery } from '@guanxi/common/users';
import { createRouter, ctx, errorResponses, jsonBody, jsonResponse, sessionSecurity, ZIdParam, ZOk } from '../../lib/http';
import { createUser, editUser, getUser, listVisibleUsers, resetPassword, userDirectory } from './users.service';

const tags = ['users'];
const security = sessionSecurity;

export function usersRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/users', tags, security, summary: 'Users within my data scope (mobile/email masked without the right)',
      request: { query: ZListUsersQuery },
      responses: { 200: jsonResponse(ZPage(ZUser)), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listVisibleUsers(deps, actor, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/users/directory', tags, security,
      summary: 'The colleague directory: every user of my tenant by name and department (no contact details)',
      request: { query: ZUserDirectoryQuery },
      responses: { 200: jsonResponse(ZPage(ZUserDirectoryEntry)), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await userDirectory(deps, actor, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/users', tags, security, summary: 'Create a user',
      request: jsonBody(ZCreateUserRequest),
      responses: { 201: jsonResponse(ZUser), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createUser(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/users/{id}', tags, security, summary: 'One user',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZUser), 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getUser(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/users/{id}', tags, security, summary: 'Edit, move or (de)activate a user (send its version)',
      request: { params: ZIdParam, ...jsonBody(ZUpdateUserRequest) },
      responses: {
        200: jsonResponse(ZUser), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403],
        404: errorResponses[404], 409: errorResponses[409], 422: errorResponses[422],
      },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editUser(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/users/{id}/reset-password', tags, security, summary: "Set a user's password (ends their sessions)",
      request: { params: ZIdParam, ...jsonBody(ZResetPasswordRequest) },
      responses: { 200: jsonResponse(ZOk), 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await resetPassword(deps, actor, c.req.valid('param').id, c.req.valid('json').password);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
