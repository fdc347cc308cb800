import { createRoute, z } from '@hono/zod-openapi';
import {
  CUSTOM_FIELD_ENTITIES, ZCreateCustomFieldRequest, ZCustomField, ZUpdateCustomFieldRequest,
} from '@guanxi/common/fields';
import { createRouter, ctx, errorResponses, jsonBody, jsonResponse, sessionSecurity, ZIdParam, ZOk } from '../../lib/http';
import { createCustomField, editCustomField, listCustomFields, removeCustomField } from './fields.service';

const tags = ['fields'];
const security = sessionSecurity;

export function fieldsRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/fields', tags, security, summary: 'Custom field definitions, optionally of one entity (customer, contact)',
      request: { query: z.object({ entity: z.enum(CUSTOM_FIELD_ENTITIES).optional() }) },
      responses: { 200: jsonResponse(z.object({ items: z.array(ZCustomField) })), 401: errorResponses[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json({ items: await listCustomFields(deps, actor, c.req.valid('query').entity) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/fields', tags, security, summary: 'Add a custom field (admins)',
      request: jsonBody(ZCreateCustomFieldRequest),
      responses: { 201: jsonResponse(ZCustomField), 400: errorResponses[400], 403: errorResponses[403], 422: errorResponses[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createCustomField(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/fields/{id}', tags, security, summary: 'Edit a custom field: labels, required, options, order, active (admins)',
      request: { params: ZIdParam, ...jsonBody(ZUpdateCustomFieldRequest) },
      responses: {
        200: jsonResponse(ZCustomField), 400: errorResponses[400], 403: errorResponses[403], 404: errorResponses[404],
        409: errorResponses[409], 422: errorResponses[422],
      },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editCustomField(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/fields/{id}', tags, security, summary: 'Delete a custom field definition (admins)',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 403: errorResponses[403], 404: errorResponses[404], 422: errorResponses[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await removeCustomField(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
