import { createRoute, z } from '@hono/zod-openapi';
import {
  DICTIONARY_TYPES, ZCreateDictionaryEntryRequest, ZDictionaryEntry, ZUpdateDictionaryEntryRequest,
} from '@guanxi/common/dictionaries';
import { createRouter, ctx, errorResponses, jsonBody, jsonResponse, sessionSecurity, ZIdParam, ZOk } from '../../lib/http';
import { createEntry, editEntry, listDictionary, removeEntry } from './dictionaries.service';

const tags = ['dictionaries'];
const security = sessionSecurity;

export function dictionariesRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/dictionaries', tags, security, summary: 'Dictionary entries (codes with zh/en labels), optionally of one type',
      request: { query: z.object({ type: z.enum(DICTIONARY_TYPES).optional() }) },
      responses: { 200: jsonResponse(z.object({ items: z.array(ZDictionaryEntry) })), 401: errorResponses[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json({ items: await listDictionary(deps, actor, c.req.valid('query').type) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/dictionaries', tags, security, summary: 'Add a dictionary entry (admins)',
      request: jsonBody(ZCreateDictionaryEntryRequest),
      responses: { 201: jsonResponse(ZDictionaryEntry), 400: errorResponses[400], 403: errorResponses[403], 422: errorResponses[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createEntry(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/dictionaries/{id}', tags, security, summary: 'Relabel, reorder or (de)activate an entry (admins)',
      request: { params: ZIdParam, ...jsonBody(ZUpdateDictionaryEntryRequest) },
      responses: {
        200: jsonResponse(ZDictionaryEntry), 400: errorResponses[400], 403: errorResponses[403], 404: errorResponses[404],
        409: errorResponses[409], 422: errorResponses[422],
      },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editEntry(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/dictionaries/{id}', tags, security, summary: 'Delete a custom entry (admins)',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 403: errorResponses[403], 404: errorResponses[404], 422: errorResponses[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await removeEntry(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
