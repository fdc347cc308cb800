import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ZErrorEnvelope, type TErrorDetail } from '@guanxi/common/errors';
import { errorMessage, ruleMessage, type Locale } from '@guanxi/common/i18n';
import { issuesToDetails } from '@guanxi/common/validation';
import type { Context } from 'hono';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { DialectName } from '../db/dialect';
import type { Actor } from './actor';
import type { Clock } from './clock';
import { AppError, HTTP_STATUS, type RuleDetail } from './errors';
import type { Logger } from './logger';

/** Everything a request handler may use; built once in createApp and put on the context. */
export type AppDeps = {
  db: Db;
  dialect: DialectName;
  config: Config;
  clock: Clock;
  logger: Logger;
  /** HMAC key for session and token hashes (GUANXI_SECRET or the one generated on first start). */
  secret: string;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    locale: Locale;
    actor: Actor;
    /** Set when the request is authenticated by the session cookie (CSRF applies), not by a bearer token. */
    sessionId: string | undefined;
    csrfToken: string | undefined;
  };
};

function translate(locale: Locale, d: RuleDetail | TErrorDetail): TErrorDetail {
  if ('message' in d) return d;
  return { field: d.field, rule: d.rule, message: ruleMessage(locale, d.rule, d.field, d.params), ...(d.data !== undefined ? { data: d.data } : {}) };
}

/** The error envelope for an AppError in the request's language. */
export function errorBody(locale: Locale, err: AppError) {
  const details = err.details.map((d) => translate(locale, d));
  const message = details.length === 1 && err.code !== 'VALIDATION_FAILED' ? details[0]!.message : errorMessage(locale, err.code);
  return { error: { code: err.code, message, ...(details.length ? { details } : {}) } };
}

export function errorResponse(c: Context<AppEnv>, err: AppError): Response {
  return c.json(errorBody(c.var.locale ?? 'zh-CN', err), HTTP_STATUS[err.code]);
}

async function inputOf(c: Context<AppEnv>, target: string): Promise<unknown> {
  try {
    if (target === 'json') return await c.req.json();
    if (target === 'query') return c.req.query();
    if (target === 'param') return c.req.param();
  } catch {
    return undefined;
  }
  return undefined;
}

/** A feature router: failed request validation answers 400 with field details in the user's language. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: async (result, c) => {
      if (result.success) return;
      const input = await inputOf(c, result.target);
      const details = issuesToDetails(result.error.issues, input, c.var.locale);
      return c.json({ error: { code: 'VALIDATION_FAILED' as const, message: errorMessage(c.var.locale, 'VALIDATION_FAILED'), details } }, 400);
    },
  });
}

/** OpenAPI helpers so route definitions stay short. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
export const jsonResponse = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  content: { 'application/json': { schema } },
  description,
});
export const errorResponses = {
  400: jsonResponse(ZErrorEnvelope, 'Validation failed'),
  401: jsonResponse(ZErrorEnvelope, 'Not signed in'),
  403: jsonResponse(ZErrorEnvelope, 'Forbidden'),
  404: jsonResponse(ZErrorEnvelope, 'Not found'),
  409: jsonResponse(ZErrorEnvelope, 'Conflict (stale version or duplicate)'),
  422: jsonResponse(ZErrorEnvelope, 'Business rule violated'),
  429: jsonResponse(ZErrorEnvelope, 'Too many attempts'),
} as const;
export const ZIdParam = z.object({ id: z.string().min(1).max(64) });
export const ZOk = z.object({ ok: z.literal(true) });
export const sessionSecurity: Array<Record<string, string[]>> = [{ cookieAuth: [] }, { bearerAuth: [] }];

/** The actor and deps of an authenticated request. */
export function ctx(c: Context<AppEnv>): { actor: Actor; deps: AppDeps } {
  return { actor: c.var.actor, deps: c.var.deps };
}

export { AppError, HTTP_STATUS };
