import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { expectError } from '../../../test/org-fixtures';
import { createTestApp, signup, type TestApp, type TestClient } from '../../../test/test-app';

type Schema = { $ref?: string; properties?: Record<string, unknown>; required?: string[] };

for (const dialect of DIALECTS) {
  describe(`system endpoints and HTTP hygiene [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;

    const raw = (path: string, init: RequestInit = {}) => t.app.request(path, init);

    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t)).client;
    });
    afterAll(() => t.close());

    it('GET /api/health answers {"status":"ok"} without signing in', async () => {
      const res = await raw('/api/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    });

    describe('OpenAPI', () => {
      let doc: any;
      const resolve = (s: Schema): Schema => (s.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s);

      beforeAll(async () => {
        const res = await raw('/api/v1/openapi.json');
        expect(res.status).toBe(200);
        doc = await res.json();
      });

      it('is OpenAPI 3.1.0 served under /api/v1 without signing in', () => {
        expect(doc.openapi).toBe('3.1.0');
        expect(doc.servers).toEqual([{ url: '/api/v1' }]);
        expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'cookieAuth']);
      });

      it.each([
        ['/auth/signup', ['post']], ['/auth/login', ['post']], ['/auth/logout', ['post']], ['/auth/me', ['get', 'patch']],
        ['/auth/password', ['post']], ['/users', ['get', 'post']], ['/users/{id}', ['get', 'patch']],
        ['/users/{id}/reset-password', ['post']], ['/departments', ['get', 'post']], ['/departments/{id}', ['get', 'patch', 'delete']],
        ['/roles', ['get', 'post']], ['/roles/{id}', ['get', 'patch', 'delete']], ['/tokens', ['get', 'post']],
        ['/tokens/{id}', ['delete']], ['/audit', ['get']],
      ])('lists %s with %j', (path, methods) => {
        expect(doc.paths[path], path).toBeDefined();
        for (const m of methods) expect(doc.paths[path][m], `${m} ${path}`).toBeDefined();
      });

      it.each([
        ['/users', 'post', ['name', 'email', 'mobile', 'password', 'roleId'], ['departmentId', 'superiorId']],
        ['/users/{id}', 'patch', ['version'], ['name', 'email', 'mobile', 'active', 'roleId']],
        ['/departments', 'post', ['name'], ['parentId', 'headId', 'sort']],
        ['/roles', 'post', ['name', 'dataScope', 'permissions'], ['code', 'viewSensitive']],
        ['/tokens', 'post', ['name'], ['expiresAt']],
        ['/auth/login', 'post', ['email', 'password'], []],
      ])('describes the request body of %s %s', (path, method, required, optional) => {
        const schema = resolve(doc.paths[path][method].requestBody.content['application/json'].schema);
        expect(Object.keys(schema.properties!)).toEqual(expect.arrayContaining([...required, ...optional]));
        expect(schema.required).toEqual(expect.arrayContaining(required));
        for (const o of optional) expect(schema.required ?? []).not.toContain(o);
      });

      it('describes list queries, error responses and the paged answer', () => {
        const get = doc.paths['/users'].get;
        const params = get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
        expect(params).toEqual(expect.arrayContaining(['query:page', 'query:pageSize', 'query:sort', 'query:q', 'query:departmentId', 'query:roleId', 'query:active']));
        const ok = resolve(get.responses['200'].content['application/json'].schema);
        expect(Object.keys(ok.properties!).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
        expect(Object.keys(doc.paths['/users/{id}'].patch.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '422']);
        const err = resolve(doc.paths['/users'].post.responses['400'].content['application/json'].schema);
        expect(Object.keys(err.properties!)).toEqual(['error']);
      });
    });

    it('serves the docs page and its assets from this server (no CDN)', async () => {
      const page = await raw('/api/docs');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain('swagger-ui');
      expect(html).not.toMatch(/https?:\/\//);
      for (const asset of ['swagger-ui.css', 'swagger-ui-bundle.js', 'docs-init.js']) {
        const res = await raw(`/api/docs/assets/${asset}`);
        expect(res.status, asset).toBe(200);
      }
      expect(await (await raw('/api/docs/assets/docs-init.js')).text()).toContain('/api/v1/openapi.json');
      expect((await raw('/api/docs/assets/..%2Fpackage.json')).status).toBe(404);
      expect((await raw('/api/docs/assets/index.html')).status).toBe(404);
    });

    it('answers an unknown API path with the 404 envelope in the request language', async () => {
      const zh = await admin.get('/nope');
      expectError(zh, 404, 'NOT_FOUND');
      expect(zh.body).toEqual({ error: { code: 'NOT_FOUND', message: '记录不存在或无权访问' } });
      const en = await admin.request('DELETE', '/users', undefined, { 'Accept-Language': 'en' });
      expect(en.status).toBe(404);
      expect(en.body).toEqual({ error: { code: 'NOT_FOUND', message: 'The record does not exist or you may not access it' } });
      const outside = await raw('/api/nope');
      expect(outside.status).toBe(404);
      expect(((await outside.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
      // Without a session, unknown paths under /api/v1 ask for sign-in first and reveal nothing.
      expectError(await t.client().get('/nope'), 401, 'UNAUTHENTICATED');
    });

    it('sends security headers and no-store on API answers', async () => {
      for (const res of [await raw('/api/health'), await raw('/api/v1/openapi.json'), await raw('/api/docs'), await raw('/api/v1/users')]) {
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(res.headers.get('referrer-policy')).toBe('same-origin');
        expect(res.headers.get('x-powered-by')).toBeNull();
      }
      expect((await raw('/api/v1/users')).headers.get('cache-control')).toBe('no-store');
    });

    it.each([
      ['/auth/login', false],
      ['/users', true],
      ['/departments', true],
    ])('answers a malformed JSON body on %s with 400 VALIDATION_FAILED', async (path, authed) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Accept-Language': 'en' };
      if (authed) Object.assign(headers, { Cookie: admin.cookie!, 'X-CSRF-Token': admin.csrf! });
      const res = await raw(`/api/v1${path}`, { method: 'POST', headers, body: '{"name": "未闭合' });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: {
          code: 'VALIDATION_FAILED', message: 'Some fields are invalid; please check the marked fields',
          details: [{ field: 'body', rule: 'format', message: 'body has an invalid format' }],
        },
      });
    });

    it('answers a body that is not JSON with 400 naming the content type (not 500)', async () => {
      const headers = { 'Content-Type': 'text/plain', 'Accept-Language': 'en', Cookie: admin.cookie!, 'X-CSRF-Token': admin.csrf! };
      const res = await raw('/api/v1/departments', { method: 'POST', headers, body: 'name=销售部' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual([
        { field: 'body', rule: 'content_type', message: 'The request body must be JSON (Content-Type: application/json)' },
      ]);
    });

    it('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE, with or without Content-Length', async () => {
      const big = JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(1024 * 1024) });
      for (const withLength of [true, false]) {
        const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Accept-Language': 'en' };
        if (withLength) headers['Content-Length'] = String(Buffer.byteLength(big));
        const body = withLength ? big : new Blob([big]).stream();
        const res = await raw('/api/v1/auth/login', { method: 'POST', headers, body, ...(withLength ? {} : { duplex: 'half' }) } as RequestInit);
        expect(res.status).toBe(413);
        expect(await res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The upload is too large' } });
      }
      // Just under the limit is read normally (and fails on its content, not its size).
      const fits = JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(1000 * 1000) });
      const ok = await raw('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: fits });
      expect(ok.status).toBe(400);
    });

    it('never leaks internals in a 500: generic message out, the details only in the log', async () => {
      const broken = await createTestApp(dialect);
      await broken.close();
      const res = await broken.app.request('/api/health', { headers: { 'Accept-Language': 'en' } });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error; please try again later' } });
      expect(text).not.toMatch(/kysely|sqlite|postgres|stack|\.ts/i);
      const logged = broken.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
      expect(logged).toMatchObject({ level: 'error', method: 'GET', path: '/api/health' });
      expect(logged.error).toBeTruthy();
    });
  });
}
