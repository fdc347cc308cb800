import { createRoute, z } from '@hono/zod-openapi';
import { ZBulkResult } from '@guanxi/common/customers';
import { ZAssignRequest, ZClaimRequest, ZCreatePoolRequest, ZPool, ZReturnRequest, ZUpdatePoolRequest } from '@guanxi/common/pools';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security, ZIdParam, ZOk } from '../../lib/http';
import { assignFromPool, claimCustomers, createPool, editPool, listVisiblePools, returnToPool } from './pools.service';

const tags = ['pools'];

/** Public pools (公海): list, configure, claim, assign, return. Pool customers are listed by GET /customers?poolId=. */
export function poolsRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/pools', tags, security, summary: 'Pools I belong to, with rules, members and customer counts',
      responses: { 200: jsonResponse(z.object({ items: z.array(ZPool) })), 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json({ items: await listVisiblePools(deps, actor) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/pools', tags, security, summary: 'Create a pool (admins)',
      request: jsonBody(ZCreatePoolRequest),
      responses: { 201: jsonResponse(ZPool), 400: e[400], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createPool(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/pools/{id}', tags, security, summary: 'Edit a pool: name, rules, members (admins; send version)',
      request: { params: ZIdParam, ...jsonBody(ZUpdatePoolRequest) },
      responses: { 200: jsonResponse(ZPool), 400: e[400], 403: e[403], 404: e[404], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editPool(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/pools/{id}/claim', tags, security, summary: 'Claim customers from the pool (daily cap, holding limit, cooldown)',
      request: { params: ZIdParam, ...jsonBody(ZClaimRequest) },
      responses: { 200: jsonResponse(ZBulkResult), 400: e[400], 403: e[403], 404: e[404], 422: e[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await claimCustomers(deps, actor, c.req.valid('param').id, c.req.valid('json').ids), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/pools/{id}/assign', tags, security, summary: 'Assign pool customers to a user (pool admins)',
      request: { params: ZIdParam, ...jsonBody(ZAssignRequest) },
      responses: { 200: jsonResponse(ZBulkResult), 400: e[400], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      const body = c.req.valid('json');
      return c.json(await assignFromPool(deps, actor, c.req.valid('param').id, body.ids, body.ownerId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/customers/{id}/return-to-pool', tags, security, summary: 'Put a customer back into a pool (default pool unless poolId)',
      request: { params: ZIdParam, ...jsonBody(ZReturnRequest) },
      responses: { 200: jsonResponse(ZOk), 400: e[400], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await returnToPool(deps, actor, c.req.valid('param').id, c.req.valid('json'));
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
