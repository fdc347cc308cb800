import { createRoute, z } from '@hono/zod-openapi';
import { ATTACHMENT_EXTENSIONS, ZAttachment } from '@guanxi/common/attachments';
import { ZErrorEnvelope } from '@guanxi/common/errors';
import { ZPage, ZPageQuery } from '@guanxi/common/pagination';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { attachmentDisposition } from '../../lib/content-disposition';
import { AppError, createRouter, ctx, errorResponses, jsonResponse, sessionSecurity, ZIdParam, ZOk, type AppEnv } from '../../lib/http';
import { attachmentTooLarge, deleteAttachment, listRecordAttachments, openAttachment, uploadAttachment } from './attachments.service';

const tags = ['attachments'];
const security = sessionSecurity;
const e = errorResponses;

/** Upload paths: app.ts leaves them out of the API's 1 MiB body limit; the route sets its own, larger one. */
export const ATTACHMENT_UPLOAD_PATH = /^\/api\/v1\/(customers|followups)\/[^/]+\/attachments\/?$/;

// Multipart framing (boundary lines, part headers) on top of the file itself.
const MULTIPART_SLACK = 64 * 1024;

const uploadLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) throw AppError.invalid('file', 'required');
  const max = c.var.deps.config.ATTACHMENT_MAX_BYTES;
  const limit = bodyLimit({
    maxSize: max + MULTIPART_SLACK,
    onError: () => {
      throw attachmentTooLarge(max);
    },
  });
  return limit(c, next);
};

const ZUploadForm = z.object({
  file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: `One file: ${ATTACHMENT_EXTENSIONS.join(', ')}` }),
});

export function attachmentsRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post', path: '/customers/{id}/attachments', tags, security, middleware: [uploadLimit] as const,
      summary: 'Attach a file to a customer (multipart/form-data, field `file`; 20 MiB by default; pdf, Office, txt, csv, images, zip)',
      request: { params: ZIdParam, body: { content: { 'multipart/form-data': { schema: ZUploadForm } }, required: true } },
      responses: {
        201: jsonResponse(ZAttachment), 400: e[400], 401: e[401], 403: e[403], 404: e[404],
        413: jsonResponse(ZErrorEnvelope, 'File too large'),
      },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      const { file } = c.req.valid('form');
      return c.json(await uploadAttachment(deps, actor, { entity: 'customer', entityId: c.req.valid('param').id, file }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/followups/{id}/attachments', tags, security, middleware: [uploadLimit] as const,
      summary: 'Attach a file to a follow-up record (multipart/form-data, field `file`; same types and limit as customers)',
      request: { params: ZIdParam, body: { content: { 'multipart/form-data': { schema: ZUploadForm } }, required: true } },
      responses: {
        201: jsonResponse(ZAttachment), 400: e[400], 401: e[401], 403: e[403], 404: e[404],
        413: jsonResponse(ZErrorEnvelope, 'File too large'),
      },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      const { file } = c.req.valid('form');
      return c.json(await uploadAttachment(deps, actor, { entity: 'followup', entityId: c.req.valid('param').id, file }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/followups/{id}/attachments', tags, security, summary: "A follow-up record's attachments, newest first",
      request: { params: ZIdParam, query: ZPageQuery.pick({ page: true, pageSize: true }) },
      responses: { 200: jsonResponse(ZPage(ZAttachment)), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listRecordAttachments(deps, actor, 'followup', c.req.valid('param').id, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/customers/{id}/attachments', tags, security, summary: "A customer's attachments, newest first",
      request: { params: ZIdParam, query: ZPageQuery.pick({ page: true, pageSize: true }) },
      responses: { 200: jsonResponse(ZPage(ZAttachment)), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await listRecordAttachments(deps, actor, 'customer', c.req.valid('param').id, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/attachments/{id}/download', tags, security,
      summary: 'Download an attachment (Content-Disposition: attachment with the original name, RFC 5987)',
      request: { params: ZIdParam },
      responses: {
        200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } },
        401: e[401], 403: e[403], 404: e[404],
      },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      const { attachment, stream, size } = await openAttachment(deps, actor, c.req.valid('param').id);
      return new Response(stream, {
        status: 200,
        headers: {
          'Content-Type': attachment.mimeType,
          'Content-Length': String(size),
          'Content-Disposition': attachmentDisposition(attachment.fileName),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/attachments/{id}', tags, security, summary: 'Delete an attachment',
      request: { params: ZIdParam },
      responses: { 200: jsonResponse(ZOk), 401: e[401], 403: e[403], 404: e[404] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await deleteAttachment(deps, actor, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
