import { createRoute } from '@hono/zod-openapi';
import { ZChangePasswordRequest, ZLoginRequest, ZMe, ZSignupRequest, ZUpdateProfileRequest } from '@guanxi/common/auth';
import { createRouter, ctx, errorResponses, jsonBody, jsonResponse, sessionSecurity, ZOk } from '../../lib/http';
import { createTenant } from '../tenants/tenants.service';
import { clearSessionCookie, writeSessionCookie } from './auth.cookies';
import { requestInfo, requireAuth } from './auth.middleware';
import { actorFromSession, changePassword, endSession, login, me, startSession, updateProfile } from './auth.service';

const tags = ['auth'];

/** Sign-up and login are public; the rest needs a session or token (requireAuth is applied per route). */
export function authRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post', path: '/auth/signup', tags, summary: 'Register an enterprise account and its admin; signs in',
      request: jsonBody(ZSignupRequest),
      responses: { 201: jsonResponse(ZMe, 'Signed up and signed in'), 400: errorResponses[400] },
    }),
    async (c) => {
      const deps = c.var.deps;
      const info = requestInfo(c);
      const t = await createTenant(deps, c.req.valid('json'), info.locale);
      const s = await startSession(deps, { id: t.userId, tenantId: t.tenantId }, info);
      writeSessionCookie(c, s.token, s.maxAgeSeconds);
      const session = await actorFromSession(deps, s.token, info);
      return c.json(await me(deps, session!.actor, session!.csrfToken), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/auth/login', tags, summary: 'Sign in with email and password (sets the session cookie)',
      request: jsonBody(ZLoginRequest),
      responses: { 200: jsonResponse(ZMe), 400: errorResponses[400], 401: errorResponses[401], 429: errorResponses[429] },
    }),
    async (c) => {
      const deps = c.var.deps;
      const info = requestInfo(c);
      const s = await login(deps, c.req.valid('json'), info);
      writeSessionCookie(c, s.token, s.maxAgeSeconds);
      const session = await actorFromSession(deps, s.token, info);
      return c.json(await me(deps, session!.actor, session!.csrfToken), 200);
    },
  );

  app.use('/auth/logout', requireAuth);
  app.openapi(
    createRoute({
      method: 'post', path: '/auth/logout', tags, summary: 'Sign out (ends the session)', security: sessionSecurity,
      responses: { 200: jsonResponse(ZOk), 401: errorResponses[401] },
    }),
    async (c) => {
      if (c.var.sessionId) await endSession(c.var.deps, c.var.sessionId);
      clearSessionCookie(c);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.use('/auth/me', requireAuth);
  app.openapi(
    createRoute({
      method: 'get', path: '/auth/me', tags, summary: 'The signed-in user, tenant, role and CSRF token', security: sessionSecurity,
      responses: { 200: jsonResponse(ZMe), 401: errorResponses[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      return c.json(await me(deps, actor, c.var.csrfToken ?? null), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/auth/me', tags, summary: 'Edit own profile (name, mobile, language, time zone)', security: sessionSecurity,
      request: jsonBody(ZUpdateProfileRequest),
      responses: { 200: jsonResponse(ZMe), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await updateProfile(deps, actor, c.req.valid('json'));
      return c.json(await me(deps, actor, c.var.csrfToken ?? null), 200);
    },
  );

  app.use('/auth/password', requireAuth);
  app.openapi(
    createRoute({
      method: 'post', path: '/auth/password', tags, summary: 'Change own password (ends other sessions)', security: sessionSecurity,
      request: jsonBody(ZChangePasswordRequest),
      responses: { 200: jsonResponse(ZOk), 400: errorResponses[400], 401: errorResponses[401] },
    }),
    async (c) => {
      const { actor, deps } = ctx(c);
      await changePassword(deps, actor, c.req.valid('json'), c.var.sessionId);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
