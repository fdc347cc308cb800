import { createRoute } from '@hono/zod-openapi';
import { ZEmailOutboxSummary, ZJob, ZJobsPage, ZJobsQuery, ZPeriodicJobs, ZPingRequest, ZTransferRunsPage, ZTransferRunsQuery } from '@guanxi/common/jobs';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security, ZIdParam } from '../../lib/http';
import { cancelJob, emailOutboxSummary, getJob, listJobs, listPeriodicJobs, listTransferRuns, pingWorkers, retryJob } from './jobs.service';

const tags = ['jobs'];

/** The Jobs admin page (后台任务): background jobs of the tenant, system jobs by name and state, periodic jobs. */
export function jobsRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get', path: '/jobs', tags, security, summary: 'Background jobs, newest first (admins)',
      request: { query: ZJobsQuery },
      responses: { 200: jsonResponse(ZJobsPage), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listJobs(deps, actor, c.req.valid('query')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/jobs/periodic', tags, security, summary: 'Periodic jobs with their latest run (admins)',
      responses: { 200: jsonResponse(ZPeriodicJobs), 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listPeriodicJobs(deps, actor), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/jobs/transfers', tags, security, summary: "The tenant's imports and exports with state and progress, newest first (admins)",
      request: { query: ZTransferRunsQuery },
      responses: { 200: jsonResponse(ZTransferRunsPage), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listTransferRuns(deps, actor, c.req.valid('query')), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/jobs/email-outbox', tags, security, summary: 'Notification e-mails by state, latest failures (admins)',
      responses: { 200: jsonResponse(ZEmailOutboxSummary), 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await emailOutboxSummary(deps, actor), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/jobs/ping', tags, security, summary: 'Queue a diagnostics job to check that workers run',
      request: jsonBody(ZPingRequest),
      responses: { 201: jsonResponse(ZJob), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await pingWorkers(deps, actor, c.req.valid('json')), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/jobs/{id}', tags, security, summary: 'One job with its progress, result or error',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZJob), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getJob(deps, actor, c.req.valid('param').id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/jobs/{id}/retry', tags, security, summary: 'Queue a failed or cancelled job again',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZJob), 401: e[401], 403: e[403], 404: e[404], 422: e[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await retryJob(deps, actor, c.req.valid('param').id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/jobs/{id}/cancel', tags, security, summary: 'Cancel a queued job',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZJob), 401: e[401], 403: e[403], 404: e[404], 422: e[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await cancelJob(deps, actor, c.req.valid('param').id), 200);
    },
  );
  return app;
}
