import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createDepartment, createRole, createUserWithRole, expectError, idsOf, letterEmail, roleIdOf } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, PASSWORD, signup, type TestApp, type TestClient } from '../../../test/test-app';

type Lang = 'zh-CN' | 'en';

/** Bad input for POST /users: field, value, rule, and the message in each language. */
const INVALID: Array<[field: string, value: unknown, rule: string, messages: Record<Lang, string>]> = [
  ['name', '', 'required', { 'zh-CN': '名称为必填项', en: 'Name is required' }],
  ['name', '   ', 'required', { 'zh-CN': '名称为必填项', en: 'Name is required' }],
  ['name', undefined, 'required', { 'zh-CN': '名称为必填项', en: 'Name is required' }],
  ['name', '张'.repeat(51), 'max_length', { 'zh-CN': '名称不能超过 50 个字符', en: 'Name must be at most 50 characters' }],
  ['email', 'zhang.example.com', 'email', { 'zh-CN': '邮箱格式不正确，应为类似 name@example.com 的邮箱地址', en: 'Email must be an email address like name@example.com' }],
  ['email', undefined, 'required', { 'zh-CN': '邮箱为必填项', en: 'Email is required' }],
  ['mobile', '12345', 'mobile', { 'zh-CN': '手机号格式不正确，应为 11 位中国大陆手机号（如 13812345678）', en: 'Mobile must be an 11-digit mainland China mobile number (e.g. 13812345678)' }],
  ['mobile', '23812345678', 'mobile', { 'zh-CN': '手机号格式不正确，应为 11 位中国大陆手机号（如 13812345678）', en: 'Mobile must be an 11-digit mainland China mobile number (e.g. 13812345678)' }],
  ['password', 'onlyletters', 'password', { 'zh-CN': '密码至少 8 位，且需同时包含字母和数字', en: 'Password must be at least 8 characters and contain letters and digits' }],
  ['password', '12345678', 'password', { 'zh-CN': '密码至少 8 位，且需同时包含字母和数字', en: 'Password must be at least 8 characters and contain letters and digits' }],
  ['password', 'abc123', 'min_length', { 'zh-CN': '密码至少需要 8 个字符', en: 'Password must be at least 8 characters' }],
  ['roleId', undefined, 'required', { 'zh-CN': '角色为必填项', en: 'Role is required' }],
  ['roleId', 'no-such-role', 'not_found', { 'zh-CN': '角色指向的记录不存在', en: 'Role refers to a record that does not exist' }],
  ['departmentId', 'no-such-department', 'not_found', { 'zh-CN': '所属部门指向的记录不存在', en: 'Department refers to a record that does not exist' }],
  ['superiorId', 'no-such-user', 'not_found', { 'zh-CN': '直属上级指向的记录不存在', en: 'Superior refers to a record that does not exist' }],
];

const asJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

for (const dialect of DIALECTS) {
  describe(`users API [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let adminId: string;
    let tenantId: string;
    let rootDeptId: string;
    let salesRoleId: string;
    let marketingRoleId: string;

    const valid = (extra: Record<string, unknown> = {}) => ({
      name: '张伟', email: t.email('zhang'), mobile: '13812345678', password: PASSWORD, roleId: salesRoleId, departmentId: rootDeptId, ...extra,
    });
    const userRow = (id: string) => t.deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const sensitiveLog = (userId: string) =>
      t.deps.db.selectFrom('sensitive_access_log').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const s = await signup(t);
      admin = s.client;
      adminId = s.me.user.id;
      tenantId = s.me.tenant.id;
      rootDeptId = s.me.user.departmentId!;
      salesRoleId = await roleIdOf(admin, 'sales');
      marketingRoleId = await roleIdOf(admin, 'marketing');
    });
    afterAll(() => t.close());

    describe('create', () => {
      it.each([
        ['+86 138-1234-5678', '13812345678'],
        ['１３９１２３４５６７８', '13912345678'],
        ['0086 (137) 0000.1111', '13700001111'],
      ])('normalises the mobile %s to %s, lower-cases the email and stores only an argon2 hash', async (input, stored) => {
        const email = t.email('Li.Na');
        const res = await admin.post('/users', valid({ name: '  李娜  ', email: `  ${email.toUpperCase()} `, mobile: input }));
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          name: '李娜', email: email.toLowerCase(), mobile: stored, roleId: salesRoleId, departmentId: rootDeptId, superiorId: null,
          active: true, version: 1, lastLoginAt: null,
        });
        expect(Object.keys(res.body).sort()).toEqual([
          'active', 'createdAt', 'departmentId', 'email', 'id', 'lastLoginAt', 'locale', 'mobile', 'name', 'roleId', 'superiorId',
          'timezone', 'updatedAt', 'version',
        ]);
        expect(res.body.createdAt).toBe('2026-11-23T02:00:00.000Z');
        const row = await userRow(res.body.id);
        expect(row.tenant_id).toBe(tenantId);
        expect(row.mobile).toBe(stored);
        expect(row.password_hash).toMatch(/^\$argon2id\$/);
        expect((await t.client().post('/auth/login', { email: email.toUpperCase(), password: PASSWORD })).status).toBe(200);
      });

      for (const lang of ['zh-CN', 'en'] as const) {
        it.each(INVALID)(`rejects %s = %j (rule %s) in ${lang}, creating nothing`, async (field, value, rule, messages) => {
          const body: Record<string, unknown> = valid();
          if (value === undefined) delete body[field];
          else body[field] = value;
          const before = await t.deps.db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).execute();
          const res = await admin.request('POST', '/users', body, { 'Accept-Language': lang });
          expectError(res, 400, 'VALIDATION_FAILED');
          expect(res.body.error.details).toEqual([{ field, rule, message: messages[lang] }]);
          expect(res.body.error.message).toBe(lang === 'en' ? 'Some fields are invalid; please check the marked fields' : '提交的数据有误，请检查标出的字段');
          const after = await t.deps.db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).execute();
          expect(after.length).toBe(before.length);
        });
      }

      it('rejects an email already in use, whatever its case and whichever tenant holds it', async () => {
        const first = await admin.post('/users', valid());
        expect(first.status).toBe(201);
        for (const lang of ['zh-CN', 'en'] as const) {
          const res = await admin.request('POST', '/users', valid({ email: first.body.email.toUpperCase() }), { 'Accept-Language': lang });
          expectError(res, 400, 'VALIDATION_FAILED');
          expect(res.body.error.details).toEqual([
            { field: 'email', rule: 'email_taken', message: lang === 'en' ? 'Email is already used by another account' : '邮箱已被其他账号使用' },
          ]);
        }
        const other = await signup(t, '别家公司');
        expectError(await other.client.post('/users', valid({ email: first.body.email, roleId: other.me.role.id })), 400, 'VALIDATION_FAILED', 'email');
      });

      it('reports every bad field at once', async () => {
        const res = await admin.request('POST', '/users', { name: '', email: 'x', mobile: '1', password: 'a' }, { 'Accept-Language': 'en' });
        expect(res.status).toBe(400);
        expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'mobile', 'name', 'password', 'roleId']);
      });
    });

    describe('superior', () => {
      it('rejects a reporting line that loops (400 on superiorId, rule cycle) and leaves it unchanged', async () => {
        const a = (await admin.post('/users', valid({ name: '上级甲' }))).body;
        const b = (await admin.post('/users', valid({ name: '下属乙', superiorId: a.id }))).body;
        const c = (await admin.post('/users', valid({ name: '下属丙', superiorId: b.id }))).body;
        expect(c.superiorId).toBe(b.id);
        for (const [lang, message] of [['zh-CN', '直属上级不能是自己或自己的下级'], ['en', 'Superior cannot be the record itself or one of its descendants']] as const) {
          for (const superiorId of [c.id, b.id, a.id]) {
            const res = await admin.request('PATCH', `/users/${a.id}`, { version: a.version, superiorId }, { 'Accept-Language': lang });
            expectError(res, 400, 'VALIDATION_FAILED');
            expect(res.body.error.details).toEqual([{ field: 'superiorId', rule: 'cycle', message }]);
          }
        }
        expect((await userRow(a.id)).superior_id).toBeNull();
        const ok = await admin.patch(`/users/${c.id}`, { version: c.version, superiorId: a.id });
        expect(ok.status).toBe(200);
        expect(ok.body.superiorId).toBe(a.id);
      });
    });

    describe('list', () => {
      let deptId: string;
      const ids: Record<string, string> = {};

      beforeAll(async () => {
        deptId = (await createDepartment(admin, '列表测试部', rootDeptId)).id;
        for (const [name, mobile, role, email] of [
          ['bob', '13511112222', salesRoleId, letterEmail('bob')],
          ['cat', '13533334444', marketingRoleId, letterEmail('snake_case')],
          ['amy', '13555556666', salesRoleId, letterEmail('snakeXcase')],
        ] as const) {
          t.clock.advance(1000);
          const res = await admin.post('/users', valid({ name, mobile, roleId: role, email, departmentId: deptId }));
          expect(res.status).toBe(201);
          ids[name] = res.body.id;
        }
        const amy = await admin.get(`/users/${ids.amy}`);
        expect((await admin.patch(`/users/${ids.amy}`, { version: amy.body.version, active: false })).status).toBe(200);
      });
      const names = (items: Array<{ name: string }>) => items.map((u) => u.name);

      it('answers { items, total, page, pageSize } and pages through the results', async () => {
        const first = await admin.get(`/users?departmentId=${deptId}&pageSize=2`);
        expect(first.status).toBe(200);
        expect(Object.keys(first.body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
        expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
        expect(names(first.body.items)).toEqual(['bob', 'cat']);
        const second = await admin.get(`/users?departmentId=${deptId}&pageSize=2&page=2`);
        expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
        expect(names(second.body.items)).toEqual(['amy']);
        const beyond = await admin.get(`/users?departmentId=${deptId}&pageSize=2&page=5`);
        expect(beyond.body).toMatchObject({ items: [], total: 3, page: 5 });
        const all = await admin.get('/users');
        expect(all.body.pageSize).toBe(50);
      });

      it.each([
        ['pageSize=0', 'pageSize'], ['pageSize=201', 'pageSize'], ['page=0', 'page'], ['page=abc', 'page'], ['active=yes', 'active'],
        ['sort=password_hash', 'sort'], ['sort=-tenantId', 'sort'],
      ])('rejects the query %s with 400 on %s', async (query, field) => {
        const res = await admin.get(`/users?${query}`);
        expectError(res, 400, 'VALIDATION_FAILED', field);
      });

      it('explains a bad sort with the allowed fields', async () => {
        const res = await t.client({ lang: 'en' }).request('GET', '/users?sort=secret', undefined, { Cookie: admin.cookie! });
        expect(res.body.error.details).toEqual([
          { field: 'sort', rule: 'one_of', message: 'Sort must be one of: name, email, createdAt, lastLoginAt' },
        ]);
      });

      it.each([
        ['name', ['amy', 'bob', 'cat']],
        ['-name', ['cat', 'bob', 'amy']],
        ['createdAt', ['bob', 'cat', 'amy']],
        ['-createdAt', ['amy', 'cat', 'bob']],
      ])('sorts by %s', async (sort, expected) => {
        expect(names((await admin.get(`/users?departmentId=${deptId}&sort=${sort}`)).body.items)).toEqual(expected);
      });

      it('filters by department, role and active flag', async () => {
        expect(names((await admin.get(`/users?departmentId=${deptId}&roleId=${salesRoleId}&sort=name`)).body.items)).toEqual(['amy', 'bob']);
        expect(names((await admin.get(`/users?departmentId=${deptId}&roleId=${marketingRoleId}`)).body.items)).toEqual(['cat']);
        expect(names((await admin.get(`/users?departmentId=${deptId}&active=false`)).body.items)).toEqual(['amy']);
        expect(names((await admin.get(`/users?departmentId=${deptId}&active=true&sort=name`)).body.items)).toEqual(['bob', 'cat']);
        const rootOnly = await admin.get(`/users?departmentId=${rootDeptId}&pageSize=200`);
        expect(idsOf(rootOnly)).not.toContain(ids.bob);
      });

      it('searches name, email and mobile with q (case-insensitive, LIKE wildcards taken literally)', async () => {
        const q = async (text: string) => names((await admin.get(`/users?departmentId=${deptId}&sort=name&q=${encodeURIComponent(text)}`)).body.items);
        expect(await q('bo')).toEqual(['bob']);
        expect(await q('BOB')).toEqual(['bob']);
        expect(await q('5555')).toEqual(['amy']);
        expect(await q('135')).toEqual(['amy', 'bob', 'cat']);
        expect(await q('snake_case')).toEqual(['cat']);
        expect(await q('snakexcase')).toEqual(['amy']);
        expect(await q('%')).toEqual([]);
        expect(await q('nobody-like-this')).toEqual([]);
      });
    });

    describe('edit', () => {
      it('updates with the current version and answers 409 VERSION_CONFLICT to a stale one, overwriting nothing', async () => {
        const created = (await admin.post('/users', valid({ name: '王芳' }))).body;
        const first = await admin.patch(`/users/${created.id}`, { version: 1, name: '王芳芳', mobile: '+86 139 0000 2222' });
        expect(first.status).toBe(200);
        expect(first.body).toMatchObject({ name: '王芳芳', mobile: '13900002222', version: 2 });
        for (const lang of ['zh-CN', 'en'] as const) {
          const stale = await admin.request('PATCH', `/users/${created.id}`, { version: 1, name: '旧页面的名字', active: false }, { 'Accept-Language': lang });
          expectError(stale, 409, 'VERSION_CONFLICT');
          expect(stale.body.error.message).toBe(lang === 'en' ? 'Someone else changed this record; reload it before saving' : '该记录已被他人修改，请刷新后再保存');
        }
        const row = await userRow(created.id);
        expect([row.name, row.version, Boolean(row.active)]).toEqual(['王芳芳', 2, true]);
        const cleared = await admin.patch(`/users/${created.id}`, { version: 2, mobile: '', departmentId: null });
        expect(cleared.body).toMatchObject({ mobile: null, departmentId: null, version: 3 });
      });

      it('without roles: manage, an HR-style editor cannot change stronger users or move themselves', async () => {
        const hr = await createRole(admin, { name: '人事', dataScope: 'all', permissions: { users: ['view', 'create', 'edit'], departments: ['view'] } });
        const editor = await createUserWithRole(t, admin, { roleId: hr.id, mobile: '13911110001' });
        const other = await createDepartment(admin, `人事测试部${Math.random().toString(36).slice(2, 6)}`);
        const adminUser = (await admin.get(`/users/${admin.me!.user.id}`)).body;
        expectError(await editor.client.patch(`/users/${adminUser.id}`, { version: adminUser.version, email: letterEmail('takeover') }), 403, 'FORBIDDEN');
        const me = (await editor.client.get(`/users/${editor.user.id}`)).body;
        expectError(await editor.client.patch(`/users/${me.id}`, { version: me.version, departmentId: other.id }), 403, 'FORBIDDEN');
        expect((await editor.client.patch(`/users/${me.id}`, { version: me.version, name: '人事专员' })).status).toBe(200);
        const peer = await createUserWithRole(t, admin, { roleId: hr.id, mobile: '13911110002' });
        expect((await editor.client.patch(`/users/${peer.user.id}`, { version: peer.user.version, name: '同事' })).status).toBe(200);
        expect((await userRow(adminUser.id)).email).toBe(adminUser.email);
      });

      it("rejects another user's email (any case) and a missing user", async () => {
        const a = (await admin.post('/users', valid())).body;
        const b = (await admin.post('/users', valid())).body;
        expectError(await admin.patch(`/users/${b.id}`, { version: b.version, email: a.email.toUpperCase() }), 400, 'VALIDATION_FAILED', 'email');
        expect((await admin.patch(`/users/${b.id}`, { version: b.version, email: b.email.toUpperCase() })).status).toBe(200);
        expectError(await admin.patch('/users/nobody', { version: 1, name: 'x' }), 404, 'NOT_FOUND');
        expectError(await admin.get('/users/nobody'), 404, 'NOT_FOUND');
        expectError(await admin.patch(`/users/${b.id}`, { name: 'no version' }), 400, 'VALIDATION_FAILED', 'version');
      });

      it('deactivating a user ends their sessions (401) and login answers 403 ACCOUNT_DISABLED; reactivating restores login', async () => {
        const { client, user, email } = await createUserAndLogin(t, admin, { roleCode: 'sales' });
        expect((await client.get('/auth/me')).status).toBe(200);
        const off = await admin.patch(`/users/${user.id}`, { version: user.version, active: false });
        expect(off.status).toBe(200);
        expect(off.body.active).toBe(false);
        expectError(await client.get('/auth/me'), 401, 'UNAUTHENTICATED');
        const sessions = await t.deps.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
        expect(sessions).toEqual([]);
        const login = await t.client({ lang: 'en' }).post('/auth/login', { email, password: PASSWORD });
        expectError(login, 403, 'ACCOUNT_DISABLED');
        expect(login.body.error.message).toBe('This account is deactivated; contact your administrator');
        const on = await admin.patch(`/users/${user.id}`, { version: off.body.version, active: true });
        expect(on.body.active).toBe(true);
        expect((await t.client().post('/auth/login', { email, password: PASSWORD })).status).toBe(200);
      });

      it('resetting a password ends the sessions; the old password fails and the new one works', async () => {
        const { client, user, email } = await createUserAndLogin(t, admin, { roleCode: 'sales' });
        const weak = await admin.post(`/users/${user.id}/reset-password`, { password: 'short' });
        expectError(weak, 400, 'VALIDATION_FAILED', 'password');
        const res = await admin.post(`/users/${user.id}/reset-password`, { password: 'Brand-new-2026' });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ok: true });
        expectError(await client.get('/auth/me'), 401, 'UNAUTHENTICATED');
        expectError(await t.client().post('/auth/login', { email, password: PASSWORD }), 401, 'INVALID_CREDENTIALS');
        expect((await t.client().post('/auth/login', { email, password: 'Brand-new-2026' })).status).toBe(200);
        expectError(await admin.post('/users/nobody/reset-password', { password: 'Brand-new-2026' }), 404, 'NOT_FOUND');
      });
    });

    describe('masking of mobile and email', () => {
      let target: { id: string; email: string };
      let marketing: Awaited<ReturnType<typeof createUserAndLogin>>;

      beforeAll(async () => {
        target = (await admin.post('/users', valid({ name: '张敏', email: t.email('zhang'), mobile: '138 1234 5678' }))).body;
        marketing = await createUserAndLogin(t, admin, { roleCode: 'marketing' });
      });

      it('shows them masked to a role without "view sensitive data", in list and detail, and logs nothing', async () => {
        const detail = await marketing.client.get(`/users/${target.id}`);
        expect(detail.status).toBe(200);
        expect(detail.body).toMatchObject({ mobile: '138****5678', email: 'z***@example.com' });
        const list = await marketing.client.get(`/users?q=${encodeURIComponent('张敏')}`);
        expect(list.body.items).toHaveLength(1);
        expect(list.body.items[0]).toMatchObject({ id: target.id, mobile: '138****5678', email: 'z***@example.com' });
        const all = await marketing.client.get('/users?pageSize=200');
        expect(JSON.stringify(all.body)).not.toContain(target.email);
        expect(JSON.stringify(all.body)).not.toContain('13812345678');
        expect(await sensitiveLog(marketing.user.id)).toEqual([]);
      });

      it('shows them plain to an admin, and logs each plain view (entity, record ids, fields)', async () => {
        const before = await sensitiveLog(adminId);
        const detail = await admin.get(`/users/${target.id}`);
        expect(detail.body).toMatchObject({ mobile: '13812345678', email: target.email });
        t.clock.advance(1000);
        const list = await admin.get(`/users?q=${encodeURIComponent('张敏')}`);
        expect(list.body.items[0]).toMatchObject({ mobile: '13812345678', email: target.email });

        const rows = (await sensitiveLog(adminId)).slice(before.length);
        expect(rows).toHaveLength(2);
        for (const row of rows) {
          expect(row).toMatchObject({ tenant_id: tenantId, entity: 'user', action: 'view' });
          expect(asJson(row.entity_ids)).toEqual([target.id]);
          expect(asJson(row.fields)).toEqual(['mobile', 'email']);
        }
        const page = await admin.get('/users?pageSize=3');
        const last = (await sensitiveLog(adminId)).at(-1)!;
        expect(asJson(last.entity_ids)).toEqual(idsOf(page));
      });
    });
  });
}
