import { createRoute } from '@hono/zod-openapi';
import { ZDueCustomer, ZDueCustomersQuery, ZFollowupSopSettings, ZUpdateFollowupSopRequest } from '@guanxi/common/followup-sop';
import { ZPage } from '@guanxi/common/pagination';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security } from '../../lib/http';
import { getFollowupSop, listDueCustomers, saveFollowupSop } from './followup-sop.service';

const tags = ['followups'];

export function followupSopRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/followup-sop', tags, security, summary: 'The follow-up SOP cadence per lifecycle stage (seed 002 defaults until changed)',
      responses: { 200: jsonResponse(ZFollowupSopSettings), 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getFollowupSop(deps, actor), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/followup-sop', tags, security, summary: 'Change the follow-up SOP cadence (admins; send the version read)',
      request: jsonBody(ZUpdateFollowupSopRequest), responses: { 200: jsonResponse(ZFollowupSopSettings), 400: e[400], 401: e[401], 403: e[403], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await saveFollowupSop(deps, actor, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/followup-sop/due-customers', tags, security, summary: 'Customers due for follow-up within N days (overdue first); for the workbench',
      request: { query: ZDueCustomersQuery }, responses: { 200: jsonResponse(ZPage(ZDueCustomer)), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listDueCustomers(deps, actor, c.req.valid('query')), 200);
    },
  );

  return app;
}
