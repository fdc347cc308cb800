import { createRoute, z } from '@hono/zod-openapi';
import { ZErrorEnvelope } from '@guanxi/common/errors';
import {
  DUPLICATE_POLICIES, IMPORT_MAX_BYTES, IMPORT_TYPES, ZImport, ZImportMapping, ZImportPreview, ZListImportsQuery, ZPreviewImportRequest,
  ZStartImportRequest,
} from '@guanxi/common/imports';
import { ZPage } from '@guanxi/common/pagination';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { attachmentDisposition } from '../../lib/content-disposition';
import { AppError, createRouter, ctx, errorResponses, jsonBody, jsonResponse, sessionSecurity, ZIdParam, type AppEnv } from '../../lib/http';
import { cancelImport, getImport, importErrorReport, listImports, previewImport, resumeImport, startImport, uploadImport } from './imports.service';

const tags = ['imports'];
const security = sessionSecurity;
const e = errorResponses;

/** The upload path: app.ts leaves it out of the API's 1 MiB body limit; the route sets its own. */
export const IMPORT_UPLOAD_PATH = /^\/api\/v1\/imports\/?$/;

const uploadLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) throw AppError.invalid('file', 'required');
  return bodyLimit({
    maxSize: IMPORT_MAX_BYTES + 64 * 1024,
    onError: () => {
      throw AppError.invalid('file', 'file_too_large', { max: `${IMPORT_MAX_BYTES / 1024 / 1024} MiB` });
    },
  })(c, next);
};

const jsonField = <T extends z.ZodType>(schema: T) => z.string().max(20_000).optional().transform((v, tx) => {
  if (v === undefined || v === '') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(v));
    if (parsed.success) return parsed.data as z.infer<T>;
  } catch {
    // fall through
  }
  tx.addIssue({ code: 'custom', message: 'rule:format' });
  return z.NEVER;
});

const ZUploadForm = z.object({
  file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: 'xlsx or csv (UTF-8 or GBK/GB18030; comma, semicolon or tab), at most 100 MiB' }),
  type: z.enum(IMPORT_TYPES).default('customers'),
  /** JSON: {"0": "name", "3": "contact.mobile"} (column index → field). Default: the automatic mapping. */
  mapping: jsonField(ZImportMapping).openapi({ type: 'string', description: 'JSON object: column index → field' }),
  /** Given: the import starts at once. Absent: it waits for POST /imports/{id}/start (the wizard). */
  duplicatePolicy: z.enum(DUPLICATE_POLICIES).optional(),
  defaults: jsonField(z.record(z.string().max(80), z.string().max(200))).openapi({ type: 'string', description: 'JSON object: field → value for every row' }),
});

export function importsRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post', path: '/imports', tags, security, middleware: [uploadLimit] as const,
      summary: 'Upload a file to import (multipart: file, type, optional mapping, duplicatePolicy): answers the id, the detected header, '
        + 'the proposed mapping and a preview of the first rows with every problem; with duplicatePolicy it starts at once',
      request: { body: { content: { 'multipart/form-data': { schema: ZUploadForm } }, required: true } },
      responses: { 201: jsonResponse(ZImportPreview.extend({ id: z.string() })), 400: e[400], 401: e[401], 403: e[403], 413: jsonResponse(ZErrorEnvelope, 'File too large') },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      const form = c.req.valid('form');
      const preview = await uploadImport(deps, actor, { file: form.file, type: form.type, mapping: form.mapping, duplicatePolicy: form.duplicatePolicy, defaults: form.defaults });
      return c.json({ id: preview.import.id, ...preview }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/imports', tags, security, summary: "The tenant's imports, newest first",
      request: { query: ZListImportsQuery },
      responses: { 200: jsonResponse(ZPage(ZImport)), 400: e[400], 401: e[401], 403: e[403] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listImports(deps, actor, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/imports/{id}', tags, security,
      summary: 'Status and counts: status, total, processed (rows 1..processed are in), created, updated, skipped, failed, rate, etaSeconds',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZImport), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await getImport(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/imports/{id}/preview', tags, security, summary: 'Preview the first rows again with another mapping or defaults',
      request: { params: ZIdParam, ...jsonBody(ZPreviewImportRequest) },
      responses: { 200: jsonResponse(ZImportPreview), 400: e[400], 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      const body = c.req.valid('json');
      return c.json(await previewImport(deps, actor, c.req.valid('param').id, body), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/imports/{id}/start', tags, security, summary: 'Start an uploaded import with a mapping, a duplicate policy and defaults',
      request: { params: ZIdParam, ...jsonBody(ZStartImportRequest) },
      responses: { 200: jsonResponse(ZImport), 400: e[400], 401: e[401], 403: e[403], 404: e[404], 422: e[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await startImport(deps, actor, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/imports/{id}/cancel', tags, security, summary: 'Cancel: committed rows stay, nothing more is written',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZImport), 401: e[401], 403: e[403], 404: e[404], 422: e[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await cancelImport(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/imports/{id}/resume', tags, security, summary: 'Run a failed import again from where it stopped',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZImport), 401: e[401], 403: e[403], 404: e[404], 422: e[422] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await resumeImport(deps, actor, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/imports/{id}/errors', tags, security,
      summary: 'The error report (xlsx): the failed rows as they were, a column with every reason in your language, the original row number',
      request: { params: ZIdParam },
      responses: {
        200: { description: 'xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } },
        401: e[401], 403: e[403], 404: e[404],
      },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      const report = await importErrorReport(deps, actor, c.req.valid('param').id);
      return new Response(report.stream, {
        status: 200,
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': attachmentDisposition(report.fileName),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    },
  );

  return app;
}
