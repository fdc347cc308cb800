import { createRoute } from '@hono/zod-openapi';
import { ZCreateInteractionRequest, ZInteraction, ZListInteractionsQuery, ZUpdateInteractionRequest } from '@guanxi/common/interactions';
import { ZPage } from '@guanxi/common/pagination';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security, ZIdParam, ZOk } from '../../lib/http';
import { createInteraction, editInteraction, getInteraction, listVisibleInteractions, removeInteraction } from './interactions.service';

const tags = ['interactions'];

export function interactionsRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/interactions', tags, security, summary: 'Calls, emails, chats and meetings I may see, newest first (by customer, contact, kind)',
      request: { query: ZListInteractionsQuery }, responses: { 200: jsonResponse(ZPage(ZInteraction)), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listVisibleInteractions(deps, actor, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/interactions', tags, security,
      summary: 'Log a call (duration, problem type, result), email, chat or meeting with a customer and contact',
      request: jsonBody(ZCreateInteractionRequest), responses: { 201: jsonResponse(ZInteraction), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createInteraction(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/interactions/{id}', tags, security, summary: 'One interaction',
      request: { params: ZIdParam }, responses: { 200: jsonResponse(ZInteraction), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getInteraction(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/interactions/{id}', tags, security, summary: 'Edit an interaction (send its version)',
      request: { params: ZIdParam, ...jsonBody(ZUpdateInteractionRequest) },
      responses: { 200: jsonResponse(ZInteraction), 400: e[400], 401: e[401], 403: e[403], 404: e[404], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editInteraction(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/interactions/{id}', tags, security, summary: 'Delete an interaction (kept in the audit trail)',
      request: { params: ZIdParam }, responses: { 200: jsonResponse(ZOk), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await removeInteraction(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
