import { createRoute } from '@hono/zod-openapi';
import {
  ZDataQualityPageQuery, ZDataQualitySummary, ZDuplicateGroup, ZIncompleteQuery, ZInvalidContact, ZInvalidQuery,
} from '@guanxi/common/data-quality';
import { ZCustomer } from '@guanxi/common/customers';
import { ZCappedPage, ZPage } from '@guanxi/common/pagination';
import { createRouter, ctx, errorResponses as e, jsonResponse, sessionSecurity as security } from '../../lib/http';
import { dataQualitySummary, duplicateGroups, incompleteCustomers, invalidContacts, startDataQualityScan } from './data-quality.service';

const tags = ['data-quality'];

export function dataQualityRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get', path: '/data-quality', tags, security, summary: 'The data-quality centre: last scan and the count of each finding',
      responses: { 200: jsonResponse(ZDataQualitySummary), 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await dataQualitySummary(deps, actor), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/data-quality/scan', tags, security, summary: 'Recompute duplicate groups and invalid mobiles/emails (a background job)',
      responses: { 200: jsonResponse(ZDataQualitySummary), 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await startDataQualityScan(deps, actor), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/data-quality/duplicates', tags, security, summary: 'Duplicate groups (same normalised name or contact mobile), largest first',
      request: { query: ZDataQualityPageQuery },
      responses: { 200: jsonResponse(ZPage(ZDuplicateGroup)), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await duplicateGroups(deps, actor, c.req.valid('query')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/data-quality/incomplete', tags, security, summary: 'Customers below a completeness score, least complete first',
      request: { query: ZIncompleteQuery },
      responses: { 200: jsonResponse(ZCappedPage(ZCustomer)), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await incompleteCustomers(deps, actor, c.req.valid('query')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/data-quality/invalid', tags, security, summary: 'Contacts whose mobile (kind=invalid_mobile) or email (invalid_email) is invalid',
      request: { query: ZInvalidQuery },
      responses: { 200: jsonResponse(ZPage(ZInvalidContact)), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await invalidContacts(deps, actor, c.req.valid('query')), 200);
    },
  );
  return app;
}

