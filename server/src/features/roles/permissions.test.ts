import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createDepartment, createRole, createUserWithRole, expectError, idsOf, roleIdOf } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, PASSWORD, signup, type TestApp, type TestClient } from '../../../test/test-app';

const FORBIDDEN = { 'zh-CN': '没有执行此操作的权限', en: 'You do not have permission to do this' } as const;

type Ctx = { deptId: string; emptyDeptId: string; salesRoleId: string; adminRoleId: string; adminId: string; salesRoleVersion: number };
type Call = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown];

let seq = 0;
const newUser = (roleId: string) => ({ name: '新同事', email: `perm.${Date.now()}.${seq++}@example.com`, mobile: '13700001111', password: 'Passw0rd12', roleId });

/** Actions each seeded role lacks: every one answers 403 FORBIDDEN and changes nothing. */
const DENIED: Array<[role: string, action: string, call: (c: Ctx) => Call]> = [
  ['sales', 'POST /users', (c) => ['POST', '/users', newUser(c.salesRoleId)]],
  ['sales', 'PATCH /users/{id}', (c) => ['PATCH', `/users/${c.adminId}`, { version: 1, name: '改名' }]],
  ['sales', 'POST /users/{id}/reset-password', (c) => ['POST', `/users/${c.adminId}/reset-password`, { password: 'Passw0rd99' }]],
  ['sales', 'GET /roles', () => ['GET', '/roles']],
  ['sales', 'POST /roles', () => ['POST', '/roles', { name: '越权', dataScope: 'all', permissions: { users: ['view'] } }]],
  ['sales', 'PATCH /roles/{id}', (c) => ['PATCH', `/roles/${c.salesRoleId}`, { version: c.salesRoleVersion, dataScope: 'all' }]],
  ['sales', 'DELETE /roles/{id}', (c) => ['DELETE', `/roles/${c.salesRoleId}`]],
  ['sales', 'POST /departments', (c) => ['POST', '/departments', { name: '越权部', parentId: c.deptId }]],
  ['sales', 'PATCH /departments/{id}', (c) => ['PATCH', `/departments/${c.deptId}`, { version: 1, name: '越权部' }]],
  ['sales', 'DELETE /departments/{id}', (c) => ['DELETE', `/departments/${c.emptyDeptId}`]],
  ['sales', 'GET /audit (tenant-wide)', () => ['GET', '/audit']],
  ['sales', 'GET /audit?entity=user (no id)', () => ['GET', '/audit?entity=user']],
  ['marketing', 'POST /users', (c) => ['POST', '/users', newUser(c.salesRoleId)]],
  ['marketing', 'POST /departments', () => ['POST', '/departments', { name: '越权部' }]],
  ['service', 'POST /users', (c) => ['POST', '/users', newUser(c.salesRoleId)]],
  ['manager', 'POST /users', (c) => ['POST', '/users', newUser(c.salesRoleId)]],
  ['manager', 'PATCH /users/{id}', (c) => ['PATCH', `/users/${c.adminId}`, { version: 1, name: '改名' }]],
  ['manager', 'PATCH /roles/{id}', (c) => ['PATCH', `/roles/${c.salesRoleId}`, { version: c.salesRoleVersion, name: '改名' }]],
  ['manager', 'GET /audit (tenant-wide)', () => ['GET', '/audit']],
];

async function counts(t: TestApp, tenantId: string) {
  const db = t.deps.db;
  const n = async (table: 'users' | 'departments' | 'roles') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
  const versions = await db.selectFrom('roles').select(['id', 'version', 'data_scope', 'name']).where('tenant_id', '=', tenantId).orderBy('id').execute();
  const users = await db.selectFrom('users').select(['id', 'version', 'name', 'password_hash']).where('tenant_id', '=', tenantId).orderBy('id').execute();
  const depts = await db.selectFrom('departments').select(['id', 'version', 'name']).where('tenant_id', '=', tenantId).orderBy('id').execute();
  return { users: await n('users'), departments: await n('departments'), roles: await n('roles'), versions, usersRows: users, depts };
}

for (const dialect of DIALECTS) {
  describe(`role permissions [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let tenantId: string;
    let c: Ctx;
    const clients: Record<string, TestClient> = {};

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const s = await signup(t);
      admin = s.client;
      tenantId = s.me.tenant.id;
      const dept = await createDepartment(admin, '销售部', s.me.user.departmentId);
      const empty = await createDepartment(admin, '空部门', s.me.user.departmentId);
      const roles = (await admin.get('/roles')).body.items as Array<{ id: string; code: string; version: number }>;
      const sales = roles.find((r) => r.code === 'sales')!;
      c = {
        deptId: dept.id, emptyDeptId: empty.id, salesRoleId: sales.id, salesRoleVersion: sales.version,
        adminRoleId: roles.find((r) => r.code === 'admin')!.id, adminId: s.me.user.id,
      };
      for (const code of ['sales', 'marketing', 'service', 'manager']) {
        clients[code] = (await createUserAndLogin(t, admin, { roleCode: code, departmentId: dept.id })).client;
      }
    });
    afterAll(() => t.close());

    it.each(DENIED)('%s: %s answers 403 FORBIDDEN in zh-CN and en, and changes nothing', async (role, _action, call) => {
      const before = await counts(t, tenantId);
      const [method, path, body] = call(c);
      for (const lang of ['zh-CN', 'en'] as const) {
        const res = await clients[role]!.request(method, path, body, { 'Accept-Language': lang });
        expectError(res, 403, 'FORBIDDEN');
        expect(res.body.error.message).toBe(FORBIDDEN[lang]);
      }
      expect(await counts(t, tenantId)).toEqual(before);
    });

    it('the seeded roles still do what they are allowed to', async () => {
      expect((await clients.sales!.get('/users')).status).toBe(200);
      expect((await clients.sales!.get('/departments')).status).toBe(200);
      expect((await clients.marketing!.get('/users')).status).toBe(200);
      expect((await clients.manager!.get('/users')).status).toBe(200);
      // Per-record audit is open to whoever may see the record.
      const me = await clients.sales!.get('/auth/me');
      expect((await clients.sales!.get(`/audit?entity=user&entityId=${me.body.user.id}`)).status).toBe(200);
    });

    it('enforces a custom role created through POST /roles at once, and a PATCH of its matrix in the same session', async () => {
      const role = await createRole(admin, { name: '人事专员', dataScope: 'all', permissions: { users: ['view'] } });
      const hr = await createUserWithRole(t, admin, { roleId: role.id, departmentId: c.deptId });
      expect((await hr.client.get('/users')).status).toBe(200);
      expectError(await hr.client.post('/users', newUser(role.id)), 403, 'FORBIDDEN');

      const granted = await admin.patch(`/roles/${role.id}`, { version: role.version, permissions: { users: ['view', 'create'] } });
      expect(granted.status).toBe(200);
      expect(granted.body.permissions).toEqual({ users: ['view', 'create'] });
      expect((await hr.client.post('/users', newUser(role.id))).status).toBe(201);

      const revoked = await admin.patch(`/roles/${role.id}`, { version: granted.body.version, permissions: {} });
      expect(revoked.status).toBe(200);
      expectError(await hr.client.get('/users'), 403, 'FORBIDDEN');
      expectError(await hr.client.post('/users', newUser(role.id)), 403, 'FORBIDDEN');
    });

    it('without roles:manage a user may hand out only roles within their own rights', async () => {
      const hrRole = await createRole(admin, {
        name: '招聘专员', dataScope: 'all', viewSensitive: true, permissions: { users: ['view', 'create', 'edit'], departments: ['view'] },
      });
      const weak = await createRole(admin, { name: '只读员工', dataScope: 'self', permissions: { users: ['view'] } });
      const hr = await createUserWithRole(t, admin, { roleId: hrRole.id, departmentId: c.deptId });
      const before = await counts(t, tenantId);

      for (const roleId of [c.adminRoleId, c.salesRoleId]) {
        expectError(await hr.client.post('/users', newUser(roleId)), 403, 'FORBIDDEN');
      }
      expect((await counts(t, tenantId)).users).toBe(before.users);

      const created = await hr.client.post('/users', newUser(weak.id));
      expect(created.status).toBe(201);
      const promote = await hr.client.patch(`/users/${created.body.id}`, { version: created.body.version, roleId: c.adminRoleId });
      expectError(promote, 403, 'FORBIDDEN');
      const row = await t.deps.db.selectFrom('users').select('role_id').where('id', '=', created.body.id).executeTakeFirstOrThrow();
      expect(row.role_id).toBe(weak.id);
      // Nor may they promote themselves.
      const self = await hr.client.get(`/users/${hr.user.id}`);
      expectError(await hr.client.patch(`/users/${hr.user.id}`, { version: self.body.version, roleId: c.adminRoleId }), 403, 'FORBIDDEN');
    });

    it('without roles:manage a user may reset passwords only of users whose role they could hand out', async () => {
      const itRole = await createRole(admin, { name: 'IT支持', dataScope: 'all', viewSensitive: true, permissions: { users: ['view', 'manage'] } });
      const it_ = await createUserWithRole(t, admin, { roleId: itRole.id });
      const weak = await createRole(admin, { name: '只读', dataScope: 'self', permissions: { users: ['view'] } });
      const plain = await createUserWithRole(t, admin, { roleId: weak.id });
      expect((await it_.client.post(`/users/${plain.user.id}/reset-password`, { password: 'Support-2026' })).status).toBe(200);

      const adminEmail = (await admin.get(`/users/${c.adminId}`)).body.email;
      const hash = async () => (await t.deps.db.selectFrom('users').select('password_hash').where('id', '=', c.adminId).executeTakeFirstOrThrow()).password_hash;
      const before = await hash();
      const takeover = await it_.client.post(`/users/${c.adminId}/reset-password`, { password: 'Takeover-2026' });
      expectError(takeover, 403, 'FORBIDDEN');
      expect(await hash()).toBe(before);
      expectError(await t.client().post('/auth/login', { email: adminEmail, password: 'Takeover-2026' }), 401, 'INVALID_CREDENTIALS');
      expectError(await it_.client.post(`/users/${clients.sales!.me!.user.id}/reset-password`, { password: 'Takeover-2026' }), 403, 'FORBIDDEN');
    });

    it("keeps the admin role's rights: permissions, data scope and sensitive-data right cannot change (422)", async () => {
      const role = (await admin.get(`/roles/${c.adminRoleId}`)).body;
      for (const change of [{ permissions: { users: ['view'] } }, { dataScope: 'self' }, { viewSensitive: false }]) {
        const res = await admin.patch(`/roles/${c.adminRoleId}`, { version: role.version, ...change });
        expectError(res, 422, 'UNPROCESSABLE');
      }
      const after = (await admin.get(`/roles/${c.adminRoleId}`)).body;
      expect(after).toEqual(role);
      const renamed = await admin.patch(`/roles/${c.adminRoleId}`, { version: role.version, name: '超级管理员' });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name).toBe('超级管理员');
      expectError(await admin.delete(`/roles/${c.adminRoleId}`), 422, 'UNPROCESSABLE');
      expectError(await admin.delete(`/roles/${c.salesRoleId}`), 422, 'UNPROCESSABLE');
    });

    it('never lets the last active admin be deactivated or demoted (422), and nobody deactivates themselves', async () => {
      const t2 = await signup(t, '独立公司', 'en');
      const solo = t2.client;
      const soloId = t2.me.user.id;
      const adminRole = t2.me.role.id;
      const salesRole = await roleIdOf(solo, 'sales');
      const me = async () => (await solo.get(`/users/${soloId}`)).body;

      const demote = await solo.patch(`/users/${soloId}`, { version: (await me()).version, roleId: salesRole });
      expectError(demote, 422, 'UNPROCESSABLE', 'roleId');
      expect(demote.body.error.message).toBe('At least one active administrator must remain');
      const deactivate = await solo.patch(`/users/${soloId}`, { version: (await me()).version, active: false });
      expectError(deactivate, 422, 'UNPROCESSABLE', 'active');
      expect(deactivate.body.error.message).toBe('You cannot deactivate your own account');

      // Someone else with users:edit (but not roles:manage) cannot touch the stronger admin at all.
      const hrRole = await createRole(solo, { name: 'HR', dataScope: 'all', permissions: { users: ['view', 'edit'] } });
      const hr = await createUserWithRole(t, solo, { roleId: hrRole.id });
      expectError(await hr.client.patch(`/users/${soloId}`, { version: (await me()).version, active: false }), 403, 'FORBIDDEN');
      const row = await t.deps.db.selectFrom('users').select(['active', 'role_id']).where('id', '=', soloId).executeTakeFirstOrThrow();
      expect([Boolean(row.active), row.role_id]).toEqual([true, adminRole]);

      // With a second admin, one may be demoted; the remaining one then cannot be.
      const second = await createUserWithRole(t, solo, { roleId: adminRole });
      const demoted = await solo.patch(`/users/${second.user.id}`, { version: second.user.version, roleId: salesRole });
      expect(demoted.status).toBe(200);
      expectError(await solo.patch(`/users/${soloId}`, { version: (await me()).version, active: false }), 422, 'UNPROCESSABLE', 'active');
      expectError(await solo.patch(`/users/${soloId}`, { version: (await me()).version, roleId: salesRole }), 422, 'UNPROCESSABLE', 'roleId');
    });

    it("acts with an API token's user's role: a sales user's token gets 403 where sales does", async () => {
      const sales = await createUserAndLogin(t, admin, { roleCode: 'sales', departmentId: c.deptId });
      const created = await sales.client.post('/tokens', { name: '销售集成' });
      expect(created.status).toBe(201);
      const bearer = t.client({ bearer: created.body.token, lang: 'en' });
      const denied = await bearer.post('/users', newUser(c.salesRoleId));
      expectError(denied, 403, 'FORBIDDEN');
      expect(denied.body.error.message).toBe(FORBIDDEN.en);
      expectError(await bearer.get('/audit'), 403, 'FORBIDDEN');
      expectError(await bearer.get('/roles'), 403, 'FORBIDDEN');
      const users = await bearer.get('/users');
      expect(users.status).toBe(200);
      expect(idsOf(users)).toEqual([sales.user.id]);
      const me = await bearer.get('/auth/me');
      expect(me.body.role.code).toBe('sales');
      expect(me.body.csrfToken).toBeNull();
    });

    it('keeps role codes unique per tenant, refuses to delete a role in use, and rejects a stale version', async () => {
      const taken = await admin.request('POST', '/roles', { name: '又一个销售', code: 'sales', dataScope: 'self', permissions: {} }, { 'Accept-Language': 'en' });
      expectError(taken, 400, 'VALIDATION_FAILED');
      expect(taken.body.error.details).toEqual([{ field: 'code', rule: 'taken', message: 'Code is already in use; choose another' }]);
      const other = await signup(t, '另一家');
      expect((await other.client.post('/roles', { name: '区域销售', code: 'region_sales', dataScope: 'self', permissions: {} })).status).toBe(201);
      expect((await admin.post('/roles', { name: '区域销售', code: 'region_sales', dataScope: 'self', permissions: {} })).status).toBe(201);

      const role = await createRole(admin, { name: '临时角色', dataScope: 'self', permissions: { users: ['view'] } });
      const holder = await createUserWithRole(t, admin, { roleId: role.id });
      const inUse = await admin.request('DELETE', `/roles/${role.id}`, undefined, { 'Accept-Language': 'en' });
      expectError(inUse, 422, 'UNPROCESSABLE');
      expect(inUse.body.error.message).toBe('Users still have this role; it cannot be deleted');
      expect((await admin.get(`/roles/${role.id}`)).body.userCount).toBe(1);

      const stale = await admin.patch(`/roles/${role.id}`, { version: role.version + 5, permissions: { users: ['view', 'create'] } });
      expectError(stale, 409, 'VERSION_CONFLICT');
      expect((await admin.get(`/roles/${role.id}`)).body.permissions).toEqual({ users: ['view'] });

      expect((await admin.patch(`/users/${holder.user.id}`, { version: holder.user.version, roleId: c.salesRoleId })).status).toBe(200);
      expect((await admin.delete(`/roles/${role.id}`)).status).toBe(200);
      expectError(await admin.get(`/roles/${role.id}`), 404, 'NOT_FOUND');
    });

    it('a custom role without any rights sees nothing (403 on every list)', async () => {
      const none = await createRole(admin, { name: '访客', dataScope: 'self', permissions: {} });
      const guest = await createUserWithRole(t, admin, { roleId: none.id });
      for (const path of ['/users', '/departments', '/roles', '/audit', `/users/${guest.user.id}`]) {
        expectError(await guest.client.get(path), 403, 'FORBIDDEN');
      }
      // Own profile and own tokens need no module right.
      expect((await guest.client.get('/auth/me')).status).toBe(200);
      expect((await guest.client.get('/tokens')).status).toBe(200);
      expect((await t.client().post('/auth/login', { email: guest.email, password: PASSWORD })).status).toBe(200);
    });
  });
}
