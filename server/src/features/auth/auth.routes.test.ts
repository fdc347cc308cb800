import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, PASSWORD, signup, type TestApp } from '../../../test/test-app';

for (const dialect of DIALECTS) {
  describe(`auth [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(() => t.close());

    it('signs up an enterprise account with five seeded roles and a head-office department', async () => {
      const { client, me } = await signup(t, '华星科技有限公司');
      expect(me.tenant.name).toBe('华星科技有限公司');
      expect(me.role.code).toBe('admin');
      expect(me.csrfToken).toBeTruthy();
      expect(client.cookie).toMatch(/^gx_session=/);
      const roles = await client.get('/roles');
      expect(roles.body.items.map((r: { code: string }) => r.code).sort()).toEqual(['admin', 'manager', 'marketing', 'sales', 'service']);
      const depts = await client.get('/departments');
      expect(depts.body.items).toHaveLength(1);
      expect(depts.body.items[0].headId).toBe(me.user.id);
    });

    it('sets an httpOnly SameSite session cookie', async () => {
      const c = t.client();
      const res = await c.post('/auth/signup', {
        companyName: '星辰贸易', industry: '批发和零售业', staffSize: '1-20', adminName: '李四', email: t.email(), mobile: '+86 139-0000-1111', password: PASSWORD,
      });
      expect(res.status).toBe(201);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(res.body.user.mobile).toBe('13900001111');
    });

    it.each([
      ['zh-CN', 'email', 'not-an-email', '邮箱格式不正确'],
      ['en', 'email', 'not-an-email', 'Email must be an email address'],
      ['zh-CN', 'mobile', '12345', '手机号格式不正确'],
      ['en', 'mobile', '12345', 'Mobile must be an 11-digit mainland China mobile number'],
      ['zh-CN', 'password', 'short1', '密码至少需要 8 个字符'],
      ['en', 'password', 'onlyletters', 'Password must be at least 8 characters and contain letters and digits'],
      ['zh-CN', 'companyName', '', '公司名称为必填项'],
      ['en', 'companyName', '   ', 'Company name is required'],
      ['zh-CN', 'staffSize', 'huge', '人员规模的取值无效'],
      ['en', 'adminName', 'x'.repeat(51), 'Admin name must be at most 50 characters'],
    ] as const)('rejects bad sign-up input (%s, %s) naming the field and the rule', async (lang, field, value, message) => {
      const c = t.client({ lang });
      const body: Record<string, unknown> = {
        companyName: '测试公司', industry: '制造业', staffSize: '1-20', adminName: '张三', email: t.email(), mobile: '13800138000', password: PASSWORD,
      };
      body[field] = value;
      const res = await c.post('/auth/signup', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      const detail = res.body.error.details.find((d: { field: string }) => d.field === field);
      expect(detail.message).toContain(message);
    });

    it('reports a missing field as required, and an email already in use on the email field', async () => {
      const { email } = await signup(t);
      const c = t.client({ lang: 'en' });
      const missing = await c.post('/auth/signup', { companyName: 'X' });
      expect(missing.status).toBe(400);
      const fields = missing.body.error.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['industry', 'staffSize', 'adminName', 'email', 'mobile', 'password']));
      expect(missing.body.error.details.find((d: { field: string }) => d.field === 'email').message).toBe('Email is required');
      const dup = await c.post('/auth/signup', {
        companyName: 'Y', industry: '制造业', staffSize: '1-20', adminName: 'Y', email: email.toUpperCase(), mobile: '13800138000', password: PASSWORD,
      });
      expect(dup.status).toBe(400);
      expect(dup.body.error.details).toEqual([{ field: 'email', rule: 'email_taken', message: 'Email is already used by another account' }]);
    });

    it('logs in and out; /auth/me needs a session', async () => {
      const { email } = await signup(t);
      const c = t.client();
      expect((await c.get('/auth/me')).status).toBe(401);
      const login = await c.post('/auth/login', { email, password: PASSWORD });
      expect(login.status).toBe(200);
      expect((await c.get('/auth/me')).body.user.email).toBe(email);
      const cookie = c.cookie;
      expect((await c.post('/auth/logout')).status).toBe(200);
      const stale = t.client();
      stale.cookie = cookie;
      expect((await stale.get('/auth/me')).status).toBe(401);
    });

    it('answers wrong passwords with 401 and locks the account for a while after repeated failures', async () => {
      const { email } = await signup(t);
      const c = t.client({ lang: 'en' });
      for (let i = 0; i < t.deps.config.LOGIN_MAX_FAILURES; i++) {
        const r = await c.post('/auth/login', { email, password: 'wrong-password-1' });
        expect(r.status).toBe(401);
        expect(r.body.error.code).toBe('INVALID_CREDENTIALS');
      }
      const locked = await c.post('/auth/login', { email, password: PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.body.error.message).toBe('Too many attempts; try again later');
      t.clock.advance((t.deps.config.LOGIN_LOCK_MINUTES + 1) * 60_000);
      expect((await c.post('/auth/login', { email, password: PASSWORD })).status).toBe(200);
    });

    it('requires the CSRF token on unsafe requests made with the cookie', async () => {
      const { client } = await signup(t);
      const noToken = await client.request('POST', '/departments', { name: '销售部' }, { 'X-CSRF-Token': '' });
      expect(noToken.status).toBe(403);
      expect(noToken.body.error.code).toBe('CSRF_FAILED');
      const foreign = await client.request('POST', '/departments', { name: '销售部' }, { Origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      expect((await client.post('/departments', { name: '销售部' })).status).toBe(201);
    });

    it('expires sessions after the idle limit and after the absolute lifetime', async () => {
      const { client } = await signup(t);
      t.clock.advance((t.deps.config.SESSION_IDLE_MINUTES - 1) * 60_000);
      expect((await client.get('/auth/me')).status).toBe(200);
      t.clock.advance((t.deps.config.SESSION_IDLE_MINUTES + 1) * 60_000);
      expect((await client.get('/auth/me')).status).toBe(401);

      const again = await signup(t);
      for (let h = 0; h < t.deps.config.SESSION_TTL_HOURS; h++) {
        t.clock.advance(3600_000);
        await again.client.get('/auth/me');
      }
      expect((await again.client.get('/auth/me')).status).toBe(401);
    });

    it('changes the password, ending the other sessions', async () => {
      const { client, email } = await signup(t);
      const other = t.client();
      await other.post('/auth/login', { email, password: PASSWORD });
      const wrong = await client.post('/auth/password', { currentPassword: 'nope-12345', newPassword: 'NewPassw0rd' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.details[0].field).toBe('currentPassword');
      const versionOf = async () => (await t.deps.db.selectFrom('users').select('version').where('email', '=', email).executeTakeFirstOrThrow()).version;
      const versionBefore = await versionOf();
      expect((await client.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'NewPassw0rd' })).status).toBe(200);
      // The user record changed: a form holding the old version must not overwrite it unnoticed.
      expect(await versionOf()).toBe(versionBefore + 1);
      expect((await client.get('/auth/me')).status).toBe(200);
      expect((await other.get('/auth/me')).status).toBe(401);
      expect((await t.client().post('/auth/login', { email, password: 'NewPassw0rd' })).status).toBe(200);
    });

    it('edits the own profile', async () => {
      const { client } = await signup(t);
      const res = await client.patch('/auth/me', { name: '王总', mobile: '１３９ １２３４ ５６７８', locale: 'en' });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ name: '王总', mobile: '13912345678', locale: 'en' });
      const bad = await client.patch('/auth/me', { timezone: 'Mars/Olympus' });
      expect(bad.status).toBe(400);
    });

    it('never puts a password or its hash in a response or a log line', async () => {
      const { client, email } = await signup(t);
      await t.client().post('/auth/login', { email, password: 'wrong-password-1' });
      const responses = [await client.get('/auth/me'), await client.get('/users'), await client.get('/audit')];
      const hash = await t.deps.db.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow();
      for (const text of [...responses.map((r) => JSON.stringify(r.body)), ...t.logs]) {
        expect(text).not.toContain(PASSWORD);
        expect(text).not.toContain('wrong-password-1');
        expect(text).not.toContain(hash.password_hash);
        expect(text).not.toMatch(/password_?hash/i);
      }
      expect(hash.password_hash).toMatch(/^\$argon2id\$/);
    });
  });
}
