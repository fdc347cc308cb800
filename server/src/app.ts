import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { AppError, HTTP_STATUS } from './lib/errors';
import { errorBody, type AppDeps, type AppEnv } from './lib/http';
import { localeMiddleware, originCheck, requireAuth } from './features/auth/auth.middleware';
import { authRoutes } from './features/auth/auth.routes';
import { tokensRoutes } from './features/tokens/tokens.routes';
import { departmentsRoutes } from './features/departments/departments.routes';
import { usersRoutes } from './features/users/users.routes';
import { rolesRoutes } from './features/roles/roles.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { contactsRoutes } from './features/contacts/contacts.routes';
import { customersRoutes } from './features/customers/customers.routes';
import { dictionariesRoutes } from './features/dictionaries/dictionaries.routes';
import { fieldsRoutes } from './features/fields/fields.routes';
import { tagsRoutes } from './features/tags/tags.routes';
import { poolsRoutes } from './features/pools/pools.routes';
import { notificationsRoutes } from './features/notifications/notifications.routes';
import { settingsRoutes } from './features/settings/settings.routes';
import { regionsRoutes } from './features/system/regions.routes';
import { systemRoutes } from './features/system/system.routes';
import { ATTACHMENT_UPLOAD_PATH, attachmentsRoutes } from './features/attachments/attachments.routes';
import { viewsRoutes } from './features/views/views.routes';
import { customersMergeRoutes } from './features/customers/customers-merge.routes';
import { jobsRoutes } from './features/jobs/jobs.routes';
import { notificationPreferencesRoutes } from './features/notifications/notification-preferences.routes';
import { notificationsStreamRoutes } from './features/notifications/notifications-stream.routes';
import { followupsRoutes } from './features/followups/followups.routes';
import { followupSopRoutes } from './features/followups/followup-sop.routes';
import { tasksRoutes } from './features/tasks/tasks.routes';
import { interactionsRoutes } from './features/interactions/interactions.routes';
import { IMPORT_UPLOAD_PATH, importsRoutes } from './features/imports/imports.routes';
import { exportsRoutes } from './features/exports/exports.routes';
import { dataQualityRoutes } from './features/data-quality/data-quality.routes';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_WEB_DIST = resolve(here, '../../web/dist');

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('PAYLOAD_TOO_LARGE');
    if (err.status === 415) return new AppError('VALIDATION_FAILED', [{ field: 'body', rule: 'content_type' }]);
    if (err.status === 400) return new AppError('VALIDATION_FAILED', [{ field: 'body', rule: 'format' }]);
  }
  return null;
}

/** The whole HTTP application; no port, so tests call `app.request()` on it directly. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', localeMiddleware);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  const API_BODY_LIMIT = 1024 * 1024;
  const apiBodyLimit = bodyLimit({ maxSize: API_BODY_LIMIT });
  // Uploads carry their own, larger limit on their route (attachments.routes.ts).
  const ownLimit = (path: string) => ATTACHMENT_UPLOAD_PATH.test(path) || IMPORT_UPLOAD_PATH.test(path);
  app.use('/api/*', (c, next) => {
    const method = c.req.method;
    // GET and HEAD carry no body (Hono's bodyLimit lets them through too, but asks for the body first, which makes
    // the Node adapter build a full Request and AbortController on every read: ~a tenth of a cheap request's CPU).
    if (method === 'GET' || method === 'HEAD') return next();
    if (method === 'POST' && ownLimit(c.req.path)) return next();
    // A declared length is what Node's HTTP parser holds the body to, so it is checked as Hono's bodyLimit does,
    // without touching the body; chunked or undeclared bodies are counted by bodyLimit as they stream.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(length, 10) > API_BODY_LIMIT) throw new HTTPException(413);
      return next();
    }
    return apiBodyLimit(c, next);
  });
  app.use('/api/*', async (c, next) => {
    await next();
    // Set on the finished response's headers in place: c.header() after the handler rebuilds the response around
    // a stream of its body, which then went out through the adapter's streaming path (an extra Response, reader
    // and socket write per request). Headers of a response that cannot be changed fall back to c.header().
    try {
      c.res.headers.set('Cache-Control', 'no-store');
    } catch {
      c.header('Cache-Control', 'no-store');
    }
  });
  app.use('/api/v1/*', originCheck);

  app.onError((err, c) => {
    const appError = toAppError(err);
    const locale = c.var.locale ?? 'zh-CN';
    if (appError) {
      return c.json(errorBody(locale, appError), HTTP_STATUS[appError.code]);
    }
    deps.logger.error('unhandled error', { method: c.req.method, path: c.req.path, error: err instanceof Error ? err.stack : String(err) });
    return c.json(errorBody(locale, new AppError('INTERNAL')), 500);
  });

  const api = new OpenAPIHono<AppEnv>();
  // Public: sign-up and login. Everything else mounted after requireAuth.
  api.route('/', authRoutes());
  api.use('*', async (c, next) => {
    if (c.req.path.endsWith('/openapi.json') || c.req.path.includes('/auth/')) return next();
    return requireAuth(c, next);
  });
  api.route('/', tokensRoutes());
  api.route('/', departmentsRoutes());
  api.route('/', usersRoutes());
  api.route('/', rolesRoutes());
  api.route('/', auditRoutes());
  api.route('/', dictionariesRoutes());
  api.route('/', fieldsRoutes());
  api.route('/', tagsRoutes());
  api.route('/', customersRoutes());
  api.route('/', poolsRoutes());
  api.route('/', notificationsRoutes());
  api.route('/', settingsRoutes());
  api.route('/', contactsRoutes());
  api.route('/', regionsRoutes());
  api.route('/', attachmentsRoutes());
  api.route('/', viewsRoutes());
  api.route('/', customersMergeRoutes());
  api.route('/', jobsRoutes());
  api.route('/', notificationPreferencesRoutes());
  api.route('/', notificationsStreamRoutes());
  api.route('/', followupsRoutes());
  api.route('/', followupSopRoutes());
  api.route('/', tasksRoutes());
  api.route('/', interactionsRoutes());
  api.route('/', importsRoutes());
  api.route('/', exportsRoutes());
  api.route('/', dataQualityRoutes());

  api.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', { type: 'apiKey', in: 'cookie', name: 'gx_session' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Guanxi CRM API',
      version: '1',
      description:
        'Errors: `{ "error": { "code", "message", "details": [{ "field", "rule", "message" }] } }` in the language of ' +
        'Accept-Language (zh-CN or en). Unsafe requests made with the session cookie must send X-CSRF-Token.',
    },
    servers: [{ url: '/api/v1' }],
  });

  app.route('/api', systemRoutes());
  app.route('/api/v1', api);
  app.all('/api/*', (c) => c.json(errorBody(c.var.locale, new AppError('NOT_FOUND')), 404));

  serveWeb(app, deps.config.WEB_DIST ?? DEFAULT_WEB_DIST);
  return app;
}

/** Serves the built web app, with index.html for every client-side route. */
function serveWeb(app: OpenAPIHono<AppEnv>, dist: string) {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    app.get('*', (c) =>
      c.text('The web app is not built yet: run `npm run build:web` (npm start does this for you).', 503),
    );
    return;
  }
  const html = readFileSync(index, 'utf8');
  const root = relative(process.cwd(), dist) || '.';
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => c.html(html));
}
