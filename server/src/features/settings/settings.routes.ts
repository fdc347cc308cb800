import { createRoute, z } from '@hono/zod-openapi';
import { COMPLETENESS_FIELDS, ZCompletenessWeights } from '@guanxi/common/completeness';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security } from '../../lib/http';
import { getCompletenessWeights, saveCompletenessWeights } from './settings.service';

const ZWeightsAnswer = z.object({ weights: z.record(z.enum(COMPLETENESS_FIELDS), z.number().int()), version: z.number().int() });

export function settingsRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get', path: '/settings/completeness', tags: ['settings'], security, summary: 'Field weights of the completeness score',
      responses: { 200: jsonResponse(ZWeightsAnswer), 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getCompletenessWeights(deps, actor), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put', path: '/settings/completeness', tags: ['settings'], security,
      summary: 'Change the weights (admins); every score is recomputed in the background',
      request: jsonBody(ZCompletenessWeights),
      responses: { 200: jsonResponse(ZWeightsAnswer), 400: e[400], 403: e[403], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await saveCompletenessWeights(deps, actor, c.req.valid('json')), 200);
    },
  );
  return app;
}
