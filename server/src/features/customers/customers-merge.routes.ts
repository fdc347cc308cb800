import { createRoute } from '@hono/zod-openapi';
import { ZMergeCustomersRequest, ZMergeCustomersResult } from '@guanxi/common/customer-merge';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security, ZIdParam } from '../../lib/http';
import { mergeCustomers } from './customers-merge.service';

export function customersMergeRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post', path: '/customers/{id}/merge', tags: ['customers'], security,
      summary:
        'Merge the customer sourceId INTO this one (send this one\'s version): contacts, tags, attachments and timeline move here, ' +
        'empty fields are filled from the source, the source goes to the recycle bin; all or nothing',
      request: { params: ZIdParam, ...jsonBody(ZMergeCustomersRequest) },
      responses: { 200: jsonResponse(ZMergeCustomersResult), 400: e[400], 401: e[401], 403: e[403], 404: e[404], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await mergeCustomers(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );
  return app;
}
