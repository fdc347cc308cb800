import { createRoute } from '@hono/zod-openapi';
import { ZCreateFollowupRequest, ZFollowup, ZListFollowupsQuery, ZUpdateFollowupRequest } from '@guanxi/common/followups';
import { ZCappedPage } from '@guanxi/common/pagination';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security, ZIdParam, ZOk } from '../../lib/http';
import { createFollowup, editFollowup, getFollowup, listVisibleFollowups, removeFollowup } from './followups.service';

const tags = ['followups'];

export function followupsRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/followups', tags, security, summary: 'Follow-up records I may see, newest first (by customer, follower, period)',
      request: { query: ZListFollowupsQuery }, responses: { 200: jsonResponse(ZCappedPage(ZFollowup)), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listVisibleFollowups(deps, actor, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/followups', tags, security,
      summary: "Log a follow-up; updates the customer's last follow-up, and a next follow-up time creates a task with a reminder",
      request: jsonBody(ZCreateFollowupRequest), responses: { 201: jsonResponse(ZFollowup), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createFollowup(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/followups/{id}', tags, security, summary: 'One follow-up record',
      request: { params: ZIdParam }, responses: { 200: jsonResponse(ZFollowup), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getFollowup(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/followups/{id}', tags, security, summary: 'Edit a follow-up (send its version); its task follows the next follow-up time',
      request: { params: ZIdParam, ...jsonBody(ZUpdateFollowupRequest) },
      responses: { 200: jsonResponse(ZFollowup), 400: e[400], 401: e[401], 403: e[403], 404: e[404], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editFollowup(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/followups/{id}', tags, security, summary: 'Delete a follow-up (kept in the audit trail; its open task is cancelled)',
      request: { params: ZIdParam }, responses: { 200: jsonResponse(ZOk), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await removeFollowup(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
