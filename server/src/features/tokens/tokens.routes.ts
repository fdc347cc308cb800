import { createRoute, z } from '@hono/zod-openapi';
import { ZApiToken, ZCreateApiTokenRequest, ZCreatedApiToken } from '@guanxi/common/tokens';
import { createRouter, ctx, errorResponses, jsonBody, jsonResponse, sessionSecurity, ZIdParam, ZOk } from '../../lib/http';
import { createToken, listOwnTokens, revokeOwnToken } from './tokens.service';

const tags = ['tokens'];

/** Each user manages their own API tokens; a token acts with its user's role and data scope. */
export function tokensRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/tokens', tags, summary: 'My API tokens', security: sessionSecurity,
      responses: { 200: jsonResponse(z.object({ items: z.array(ZApiToken) })), 401: errorResponses[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json({ items: await listOwnTokens(deps, actor) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/tokens', tags, summary: 'Create an API token (the secret is shown once)', security: sessionSecurity,
      request: jsonBody(ZCreateApiTokenRequest),
      responses: { 201: jsonResponse(ZCreatedApiToken), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createToken(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/tokens/{id}', tags, summary: 'Revoke an API token', security: sessionSecurity,
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await revokeOwnToken(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
