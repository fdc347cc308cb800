import { createRoute } from '@hono/zod-openapi';
import { ZBulkResult } from '@guanxi/common/customers';
import { ZPage } from '@guanxi/common/pagination';
import {
  ZBulkTasksRequest, ZCreateTaskRequest, ZCreateTaskSeriesRequest, ZListTaskSeriesQuery, ZListTasksQuery, ZTask, ZTaskSeries,
  ZUpdateTaskRequest, ZUpdateTaskSeriesRequest,
} from '@guanxi/common/tasks';
import { addCrudRoutes } from '../../lib/crud-routes';
import { createRouter, ctx, errorResponses as e, jsonBody, jsonResponse, sessionSecurity as security, ZIdParam } from '../../lib/http';
import { createSeries, getSeries, listSeries, updateSeries } from './task-series.service';
import { bulkTasks, completeTask, createTask, deleteTask, editTask, getTask, listVisibleTasks } from './tasks.service';

const tags = ['tasks'];

export function tasksRoutes() {
  const app = createRouter();

  addCrudRoutes(app, {
    path: '/tasks',
    tags,
    schemas: { query: ZListTasksQuery, page: ZPage(ZTask), item: ZTask, create: ZCreateTaskRequest, update: ZUpdateTaskRequest },
    summaries: {
      list: 'Tasks I may see: mine, by assignee, status, customer, due range, overdue',
      create: 'Create a task (assignee defaults to me; reminder 15 min before unless given)',
      get: 'One task',
      edit: 'Edit a task (send its version); status done records doneAt and onTime',
      remove: 'Delete a task (kept in the audit trail)',
    },
    service: { list: listVisibleTasks, create: createTask, get: getTask, edit: editTask, remove: deleteTask },
  });

  app.openapi(
    createRoute({
      method: 'post', path: '/tasks/bulk', tags, security, summary: 'Complete, cancel or reassign many tasks; per-row results',
      request: jsonBody(ZBulkTasksRequest), responses: { 200: jsonResponse(ZBulkResult), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await bulkTasks(deps, actor, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/tasks/{id}/complete', tags, security, summary: 'Mark an open task done in one step',
      request: { params: ZIdParam }, responses: { 200: jsonResponse(ZTask), 401: e[401], 403: e[403], 404: e[404], 422: e[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await completeTask(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/task-series', tags, security, summary: 'Recurring task rules I may see',
      request: { query: ZListTaskSeriesQuery }, responses: { 200: jsonResponse(ZPage(ZTaskSeries)), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listSeries(deps, actor, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/task-series', tags, security, summary: 'Create a recurring task (daily, weekly on a weekday, monthly on a day; assignee time zone)',
      request: jsonBody(ZCreateTaskSeriesRequest), responses: { 201: jsonResponse(ZTaskSeries), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await createSeries(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/task-series/{id}', tags, security, summary: 'One recurring task rule',
      request: { params: ZIdParam }, responses: { 200: jsonResponse(ZTaskSeries), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getSeries(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/task-series/{id}', tags, security, summary: 'Pause (cancels future open occurrences) or resume a recurring task',
      request: { params: ZIdParam, ...jsonBody(ZUpdateTaskSeriesRequest) },
      responses: { 200: jsonResponse(ZTaskSeries), 400: e[400], 401: e[401], 403: e[403], 404: e[404], 409: e[409] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await updateSeries(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  return app;
}
