import { resolveLocale } from '@guanxi/common/i18n';
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { safeEqual } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { AppEnv } from '../../lib/http';
import { actorFromToken } from '../tokens/tokens.service';
import { CSRF_HEADER, readSessionCookie } from './auth.cookies';
import { actorFromSession, type RequestInfo } from './auth.service';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function requestInfo(c: Parameters<MiddlewareHandler<AppEnv>>[0]): RequestInfo {
  let ip: string | null;
  try {
    ip = getConnInfo(c).remote.address ?? null;
  } catch {
    ip = null; // in-process requests (tests) have no socket
  }
  return { ip, userAgent: c.req.header('user-agent') ?? null, locale: c.var.locale };
}

/** Sets the request's language from Accept-Language (zh-CN by default). */
export const localeMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('locale', resolveLocale(c.req.header('accept-language')));
  await next();
};

/**
 * Rejects cross-site unsafe requests: a browser's Origin must match the host. Complements the CSRF token,
 * and also guards sign-up and login, which have no session yet.
 */
export const originCheck: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('origin');
  if (origin && UNSAFE.has(c.req.method)) {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = '';
    }
    const allowed = c.var.deps.config.PUBLIC_URL ? new URL(c.var.deps.config.PUBLIC_URL).host : host;
    if (originHost !== host && originHost !== allowed) throw new AppError('CSRF_FAILED');
  }
  await next();
};

/**
 * Authenticates by `Authorization: Bearer <token>` or the session cookie and puts the Actor on the context.
 * Cookie-authenticated unsafe requests must carry the session's CSRF token in X-CSRF-Token.
 */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const deps = c.var.deps;
  const info = requestInfo(c);
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const actor = await actorFromToken(deps, bearer, info);
    if (!actor) throw new AppError('UNAUTHENTICATED');
    c.set('actor', actor);
    c.set('sessionId', undefined);
    c.set('csrfToken', undefined);
    return next();
  }
  const cookie = readSessionCookie(c);
  const session = cookie ? await actorFromSession(deps, cookie, info) : null;
  if (!session) throw new AppError('UNAUTHENTICATED');
  if (UNSAFE.has(c.req.method)) {
    const sent = c.req.header(CSRF_HEADER) ?? '';
    if (!safeEqual(sent, session.csrfToken)) throw new AppError('CSRF_FAILED');
  }
  c.set('actor', session.actor);
  c.set('sessionId', session.sessionId);
  c.set('csrfToken', session.csrfToken);
  return next();
};
