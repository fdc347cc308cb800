import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { expectError, idsOf } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

for (const dialect of DIALECTS) {
  describe(`API tokens [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let adminId: string;

    const tokenRow = (id: string) => t.deps.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const bearer = (token: string) => t.client({ bearer: token });

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const s = await signup(t);
      admin = s.client;
      adminId = s.me.user.id;
    });
    afterAll(() => t.close());

    it('creates a token whose secret is shown once and stored only as a hash', async () => {
      const res = await admin.post('/tokens', { name: '企业微信同步' });
      expect(res.status).toBe(201);
      const { token, ...meta } = res.body;
      expect(token).toMatch(/^gx_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{40,}$/);
      expect(token.startsWith(`gx_${meta.prefix}_`)).toBe(true);
      expect(meta).toEqual({
        id: expect.any(String), name: '企业微信同步', prefix: meta.prefix, userId: adminId, createdAt: '2026-11-23T02:00:00.000Z',
        lastUsedAt: null, expiresAt: null, revokedAt: null,
      });

      const row = await tokenRow(meta.id);
      expect(row.token_hash).not.toBe(token);
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      const secret = token.split('_').slice(2).join('_');
      const everything = JSON.stringify(await t.deps.db.selectFrom('api_tokens').selectAll().execute());
      expect(everything).not.toContain(token);
      expect(everything).not.toContain(secret);
      expect(JSON.stringify(await t.deps.db.selectFrom('audit_log').selectAll().execute())).not.toContain(secret);
      for (const line of t.logs) expect(line).not.toContain(secret);

      const list = await admin.get('/tokens');
      expect(list.status).toBe(200);
      const listed = list.body.items.find((i: { id: string }) => i.id === meta.id);
      expect(listed).toEqual(meta);
      expect(JSON.stringify(list.body)).not.toContain(secret);
    });

    it.each([
      [{ name: '' }, 'name'],
      [{}, 'name'],
      [{ name: 'x', expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ name: 'x', expiresAt: '2026-11-23T01:00:00.000Z' }, 'expiresAt'],
    ])('rejects %j with 400 on %s', async (body, field) => {
      expectError(await admin.post('/tokens', body), 400, 'VALIDATION_FAILED', field);
    });

    it('refuses to let a token create, list or revoke tokens (a leaked token cannot mint successors)', async () => {
      const created = (await admin.post('/tokens', { name: '集成' })).body;
      const viaToken = bearer(created.token);
      expectError(await viaToken.post('/tokens', { name: '后门' }), 403, 'FORBIDDEN');
      expectError(await viaToken.get('/tokens'), 403, 'FORBIDDEN');
      expectError(await viaToken.delete(`/tokens/${created.id}`), 403, 'FORBIDDEN');
      expect((await tokenRow(created.id)).revoked_at).toBeNull();
    });

    it('authenticates with Authorization: Bearer, without cookie or CSRF token, and records the last use', async () => {
      const { body } = await admin.post('/tokens', { name: '脚本' });
      const api = bearer(body.token);
      const me = await api.get('/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.user.id).toBe(adminId);
      expect(me.body.csrfToken).toBeNull();
      const users = await api.get('/users');
      expect(users.status).toBe(200);
      expect(idsOf(users)).toContain(adminId);
      // An unsafe request needs no CSRF token with a bearer token.
      const dept = await api.post('/departments', { name: '集成创建的部门' });
      expect(dept.status).toBe(201);
      expect((await tokenRow(body.id)).last_used_at).not.toBeNull();
      const [entry] = (await admin.get(`/audit?entity=department&entityId=${dept.body.id}`)).body.items;
      expect(entry).toMatchObject({ action: 'create', actorId: adminId });
    });

    it.each([
      ['an unknown token', 'Bearer gx_abcdefgh_not-a-real-token'],
      ['an empty bearer', 'Bearer '],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
    ])('answers 401 to %s', async (_what, header) => {
      const res = await t.client().request('GET', '/users', undefined, { Authorization: header });
      expectError(res, 401, 'UNAUTHENTICATED');
    });

    it('a bad bearer token wins over a valid cookie (no silent fallback)', async () => {
      const res = await admin.request('GET', '/users', undefined, { Authorization: 'Bearer gx_abcdefgh_wrong' });
      expectError(res, 401, 'UNAUTHENTICATED');
    });

    it('stops working once revoked (401); revoking twice is harmless', async () => {
      const { body } = await admin.post('/tokens', { name: '将被吊销' });
      expect((await bearer(body.token).get('/auth/me')).status).toBe(200);
      const revoked = await admin.delete(`/tokens/${body.id}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toEqual({ ok: true });
      expectError(await bearer(body.token).get('/auth/me'), 401, 'UNAUTHENTICATED');
      expectError(await bearer(body.token).get('/users'), 401, 'UNAUTHENTICATED');
      expect((await tokenRow(body.id)).revoked_at).not.toBeNull();
      const listed = (await admin.get('/tokens')).body.items.find((i: { id: string }) => i.id === body.id);
      expect(listed.revokedAt).toBe('2026-11-23T02:00:00.000Z');
      expect((await admin.delete(`/tokens/${body.id}`)).status).toBe(200);
      expectError(await admin.delete('/tokens/no-such-token'), 404, 'NOT_FOUND');
    });

    it('stops working when it expires (401)', async () => {
      const expiresAt = new Date(t.clock.now().getTime() + 3600_000).toISOString();
      const { body } = await admin.post('/tokens', { name: '一小时', expiresAt });
      expect(body.expiresAt).toBe(expiresAt);
      t.clock.advance(59 * 60_000);
      expect((await bearer(body.token).get('/auth/me')).status).toBe(200);
      t.clock.advance(2 * 60_000);
      expectError(await bearer(body.token).get('/auth/me'), 401, 'UNAUTHENTICATED');
    });

    it("stops working while its user is deactivated (401)", async () => {
      const sales = await createUserAndLogin(t, admin, { roleCode: 'sales' });
      const { body } = await sales.client.post('/tokens', { name: '销售脚本' });
      expect((await bearer(body.token).get('/auth/me')).status).toBe(200);
      const off = await admin.patch(`/users/${sales.user.id}`, { version: sales.user.version, active: false });
      expect(off.status).toBe(200);
      expectError(await bearer(body.token).get('/auth/me'), 401, 'UNAUTHENTICATED');
      expectError(await bearer(body.token).get('/users'), 401, 'UNAUTHENTICATED');
    });

    it("lists only the caller's own tokens; another user's token id answers 404 on DELETE and keeps working", async () => {
      const other = await createUserAndLogin(t, admin, { roleCode: 'service' });
      const theirs = (await other.client.post('/tokens', { name: '客服脚本' })).body;
      const mine = await admin.get('/tokens');
      expect(idsOf(mine)).not.toContain(theirs.id);
      expect(mine.body.items.every((i: { userId: string }) => i.userId === adminId)).toBe(true);
      expect(idsOf(await other.client.get('/tokens'))).toEqual([theirs.id]);

      expectError(await admin.delete(`/tokens/${theirs.id}`), 404, 'NOT_FOUND');
      expect((await tokenRow(theirs.id)).revoked_at).toBeNull();
      expect((await bearer(theirs.token).get('/auth/me')).status).toBe(200);
    });
  });
}
