import { Hono } from 'hono';
import { sql } from 'kysely';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AppEnv } from '../../lib/http';

const require = createRequire(import.meta.url);
const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const SWAGGER_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'docs-init.js': 'text/javascript; charset=utf-8',
};

const DOCS_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Guanxi CRM API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/docs-init.js"></script></body></html>`;

// Separate file rather than inline script, so the strict Content-Security-Policy (script-src 'self') holds.
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** Health check and the API docs page (served from the swagger-ui-dist package, no CDN). */
export function systemRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/health', async (c) => {
    await sql`select 1`.execute(c.var.deps.db);
    return c.json({ status: 'ok' as const });
  });

  app.get('/docs', (c) => c.html(DOCS_HTML));
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const type = SWAGGER_FILES[file];
    if (!type) return c.notFound();
    const body = file === 'docs-init.js' ? DOCS_INIT : await readFile(join(SWAGGER_DIR, file));
    return c.body(body as string, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });

  return app;
}
