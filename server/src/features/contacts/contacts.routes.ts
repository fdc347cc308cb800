import { createRoute } from '@hono/zod-openapi';
import { ZContact, ZCreateContactRequest, ZListContactsQuery, ZUpdateContactRequest } from '@guanxi/common/contacts';
import { ZPage } from '@guanxi/common/pagination';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security, ZIdParam, ZOk } from '../../lib/http';
import { createContact, editContact, getContact, listVisibleContacts, removeContact } from './contacts.service';

const tags = ['contacts'];

export function contactsRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/contacts', tags, security, summary: 'Contacts of customers I may see; ?mobile= looks a number up however written',
      request: { query: ZListContactsQuery },
      responses: { 200: jsonResponse(ZPage(ZContact)), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listVisibleContacts(deps, actor, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/contacts', tags, security, summary: 'Add a contact to a customer',
      request: jsonBody(ZCreateContactRequest),
      responses: { 201: jsonResponse(ZContact), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createContact(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/contacts/{id}', tags, security, summary: 'One contact',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZContact), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getContact(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/contacts/{id}', tags, security, summary: 'Edit a contact (send its version); isPrimary: true makes it the primary one',
      request: { params: ZIdParam, ...jsonBody(ZUpdateContactRequest) },
      responses: { 200: jsonResponse(ZContact), 400: e[400], 401: e[401], 403: e[403], 404: e[404], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editContact(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/contacts/{id}', tags, security, summary: 'Remove a contact (a customer keeps at least one)',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 401: e[401], 403: e[403], 404: e[404], 422: e[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await removeContact(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
