import { createRoute, z } from '@hono/zod-openapi';
import { COMPLETENESS_FIELDS } from '@guanxi/common/completeness';
import {
  ZBulkRequest, ZBulkResult, ZCreateCustomerRequest, ZCustomer, ZDuplicateMatch, ZDuplicateQuery, ZListCustomersQuery,
  ZTimelineEvent, ZTransferRequest, ZUpdateCustomerRequest,
} from '@guanxi/common/customers';
import { ZCappedPage, ZPage, ZPageQuery } from '@guanxi/common/pagination';
import { assertCan, can } from '../../lib/access';
import { createRouter, ctx, errorResponses, jsonBody, jsonResponse, sessionSecurity, ZIdParam, ZOk } from '../../lib/http';
import { missingFields } from './customer-derived';
import { findDuplicates } from './duplicates';
import {
  bulkCustomers, customerTimeline, deleteCustomer, purgeDeletedCustomer, restoreCustomer, transferCustomer,
} from './customers-lifecycle.service';
import { createCustomer, editCustomer, getCustomer, listCustomers } from './customers.service';

const tags = ['customers'];
const security = sessionSecurity;
const e = errorResponses;

export function customersRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/customers', tags, security,
      summary: 'List customers: filter (JSON condition tree), q (keyword: Chinese, pinyin, initials, number, mobile or last 4, email), sort, page',
      description: '`total` is counted only as far as three pages beyond the requested one (200 for page 1 of 50); when there are '
        + 'more, `totalCapped` is true and `total` means "at least". Later pages can still be requested and count further.',
      request: { query: ZListCustomersQuery },
      responses: { 200: jsonResponse(ZCappedPage(ZCustomer)), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listCustomers(deps, actor, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/customers', tags, security,
      summary: 'Create a customer with its first contact; 409 DUPLICATE with the matches unless allowDuplicate',
      request: jsonBody(ZCreateCustomerRequest),
      responses: { 201: jsonResponse(ZCustomer), 400: e[400], 401: e[401], 403: e[403], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createCustomer(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/customers/duplicates', tags, security, summary: 'Customers that look like the given name, mobile or email',
      request: { query: ZDuplicateQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(ZDuplicateMatch) })), 400: e[400], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      if (!can(actor, 'customers', 'edit')) assertCan(actor, 'customers', 'create');
      const q = c.req.valid('query');
      const items = await findDuplicates(deps, actor, { name: q.name, mobiles: [q.mobile], emails: [q.email], excludeId: q.excludeId });
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/customers/bulk-actions', tags, security,
      summary: 'Tag, untag, transfer or delete many customers; each one is done or untouched, failures are listed',
      request: jsonBody(ZBulkRequest),
      responses: { 200: jsonResponse(ZBulkResult), 400: e[400], 401: e[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await bulkCustomers(deps, actor, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/customers/{id}', tags, security, summary: 'One customer (add ?deleted=true for the recycle bin)',
      request: { params: ZIdParam, query: z.object({ deleted: z.enum(['true', 'false']).optional() }) },
      responses: { 200: jsonResponse(ZCustomer), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      const deleted = c.req.valid('query').deleted === 'true';
      if (deleted) assertCan(actor, 'customers', 'delete');
      return c.json(await getCustomer(deps, actor, c.req.valid('param').id, { deleted }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/customers/{id}/completeness', tags, security, summary: 'Completeness score and the fields still missing',
      request: { params: ZIdParam },
      responses: {
        200: jsonResponse(z.object({ score: z.number().int(), missing: z.array(z.enum(COMPLETENESS_FIELDS)) })), 404: e[404],
      },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      const customer = await getCustomer(deps, actor, c.req.valid('param').id);
      return c.json({ score: customer.completeness, missing: await missingFields(deps.db, actor.tenantId, customer.id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/customers/{id}', tags, security, summary: 'Edit a customer (send its version; 409 when stale)',
      request: { params: ZIdParam, ...jsonBody(ZUpdateCustomerRequest) },
      responses: { 200: jsonResponse(ZCustomer), 400: e[400], 401: e[401], 403: e[403], 404: e[404], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await editCustomer(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/customers/{id}', tags, security, summary: 'Move a customer to the recycle bin',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await deleteCustomer(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/customers/{id}/restore', tags, security, summary: 'Restore a customer from the recycle bin',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZCustomer), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await restoreCustomer(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/customers/{id}/purge', tags, security, summary: 'Delete a customer in the recycle bin for good (admins)',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await purgeDeletedCustomer(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/customers/{id}/transfer', tags, security, summary: 'Transfer a customer to another owner (notifies both)',
      request: { params: ZIdParam, ...jsonBody(ZTransferRequest) },
      responses: { 200: jsonResponse(ZCustomer), 400: e[400], 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await transferCustomer(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/customers/{id}/timeline', tags, security, summary: "The customer's timeline, newest first (types=a,b to filter)",
      request: { params: ZIdParam, query: ZPageQuery.pick({ page: true, pageSize: true }).extend({ types: z.string().max(200).optional() }) },
      responses: { 200: jsonResponse(ZPage(ZTimelineEvent)), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      const q = c.req.valid('query');
      const types = q.types?.split(',').map((t) => t.trim()).filter(Boolean);
      return c.json(await customerTimeline(deps, actor, c.req.valid('param').id, { page: q.page, pageSize: q.pageSize, types }), 200);
    },
  );

  return app;
}

