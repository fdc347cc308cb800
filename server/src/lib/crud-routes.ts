import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Actor } from './actor';
import { ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security, ZIdParam, ZOk, type AppDeps, type AppEnv } from './http';

/**
 * The five routes of a plain record type — list, create, get, edit (with its version), delete — described in the
 * OpenAPI document and handled by the feature's service. A feature with more (bulk actions, sub-resources) adds
 * those routes to the same router itself.
 */
export type CrudSpec<Q, C, U> = {
  /** The collection path, e.g. `/followups`; one record is `${path}/{id}`. */
  path: string;
  tags: string[];
  schemas: { query: z.ZodType<Q>; page: z.ZodType; item: z.ZodType; create: z.ZodType<C>; update: z.ZodType<U> };
  summaries: { list: string; create: string; get: string; edit: string; remove: string };
  service: {
    list(deps: AppDeps, actor: Actor, q: Q): Promise<unknown>;
    create(deps: AppDeps, actor: Actor, input: C): Promise<unknown>;
    get(deps: AppDeps, actor: Actor, id: string): Promise<unknown>;
    edit(deps: AppDeps, actor: Actor, id: string, input: U): Promise<unknown>;
    remove(deps: AppDeps, actor: Actor, id: string): Promise<void>;
  };
};

// The schemas are the spec's own, so the route types cannot be inferred here; the services are typed by the caller
// and every request is validated at runtime by the same schemas before a handler runs.
type Valid = { valid(target: 'query' | 'json' | 'param'): never };

export function addCrudRoutes<Q, C, U>(app: OpenAPIHono<AppEnv>, spec: CrudSpec<Q, C, U>): void {
  const { path, tags, schemas: s, summaries, service } = spec;
  const one = `${path}/{id}`;
  const add = (route: ReturnType<typeof createRoute>, handler: (c: Parameters<typeof ctx>[0] & { req: Valid }) => Promise<Response>) =>
    app.openapi(route, handler as never);

  add(createRoute({
    method: 'get', path, tags, security, summary: summaries.list,
    request: { query: s.query as never }, responses: { 200: jsonResponse(s.page), 400: e[400], 401: e[401], 403: e[403] },
  }), async (c) => {
    const { actor, deps } = ctx(c);
    return c.json(await service.list(deps, actor, c.req.valid('query')), 200);
  });
  add(createRoute({
    method: 'post', path, tags, security, summary: summaries.create,
    request: jsonBody(s.create), responses: { 201: jsonResponse(s.item), 400: e[400], 401: e[401], 403: e[403] },
  }), async (c) => {
    const { actor, deps } = ctx(c);
    return c.json(await service.create(deps, actor, c.req.valid('json')), 201);
  });
  add(createRoute({
    method: 'get', path: one, tags, security, summary: summaries.get,
    request: { params: ZIdParam }, responses: { 200: jsonResponse(s.item), 401: e[401], 403: e[403], 404: e[404] },
  }), async (c) => {
    const { actor, deps } = ctx(c);
    return c.json(await service.get(deps, actor, (c.req.valid('param') as { id: string }).id), 200);
  });
  add(createRoute({
    method: 'patch', path: one, tags, security, summary: summaries.edit,
    request: { params: ZIdParam, ...jsonBody(s.update) },
    responses: { 200: jsonResponse(s.item), 400: e[400], 401: e[401], 403: e[403], 404: e[404], 409: e[409] },
  }), async (c) => {
    const { actor, deps } = ctx(c);
    return c.json(await service.edit(deps, actor, (c.req.valid('param') as { id: string }).id, c.req.valid('json')), 200);
  });
  add(createRoute({
    method: 'delete', path: one, tags, security, summary: summaries.remove,
    request: { params: ZIdParam }, responses: { 200: jsonResponse(ZOk), 401: e[401], 403: e[403], 404: e[404] },
  }), async (c) => {
    const { actor, deps } = ctx(c);
    await service.remove(deps, actor, (c.req.valid('param') as { id: string }).id);
    return c.json({ ok: true as const }, 200);
  });
}
