import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createDepartment, createRole, createUserWithRole, expectError, idsOf, roleIdOf } from '../../../test/org-fixtures';
import { createTestApp, signup, type TestApp, type TestClient } from '../../../test/test-app';

/** Everything tenant A owns that tenant B must never reach. */
type TenantA = {
  tenantId: string;
  adminId: string;
  rootDeptId: string;
  deptId: string;
  emptyDeptId: string;
  userId: string;
  userVersion: number;
  deptVersion: number;
  salesRoleId: string;
  customRoleId: string;
  customRoleVersion: number;
  tokenId: string;
  userClient: TestClient;
};

type Call = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown];

/** Every endpoint that takes an id, called with tenant A's ids. Adding an endpoint is one line. */
const BY_ID: Array<[string, (a: TenantA) => Call]> = [
  ['GET /departments/{id}', (a) => ['GET', `/departments/${a.deptId}`]],
  ['PATCH /departments/{id}', (a) => ['PATCH', `/departments/${a.deptId}`, { version: a.deptVersion, name: '被篡改' }]],
  ['PATCH /departments/{id} (move)', (a) => ['PATCH', `/departments/${a.deptId}`, { version: a.deptVersion, parentId: null }]],
  ['DELETE /departments/{id}', (a) => ['DELETE', `/departments/${a.emptyDeptId}`]],
  ['GET /users/{id}', (a) => ['GET', `/users/${a.userId}`]],
  ['PATCH /users/{id}', (a) => ['PATCH', `/users/${a.userId}`, { version: a.userVersion, name: '被篡改', active: false }]],
  ['POST /users/{id}/reset-password', (a) => ['POST', `/users/${a.userId}/reset-password`, { password: 'Hijacked123' }]],
  ['GET /roles/{id}', (a) => ['GET', `/roles/${a.customRoleId}`]],
  ['PATCH /roles/{id}', (a) => ['PATCH', `/roles/${a.customRoleId}`, { version: a.customRoleVersion, dataScope: 'all' }]],
  ['DELETE /roles/{id}', (a) => ['DELETE', `/roles/${a.customRoleId}`]],
  ['DELETE /tokens/{id}', (a) => ['DELETE', `/tokens/${a.tokenId}`]],
  ['GET /audit (user)', (a) => ['GET', `/audit?entity=user&entityId=${a.userId}`]],
  ['GET /audit (department)', (a) => ['GET', `/audit?entity=department&entityId=${a.deptId}`]],
  ['GET /audit (role)', (a) => ['GET', `/audit?entity=role&entityId=${a.customRoleId}`]],
];

/** Requests in tenant B that point at tenant A's rows: 400 naming the field. */
const CROSS_REFERENCES: Array<[string, (a: TenantA, b: { userId: string; deptId: string; roleId: string; deptVersion: number; userVersion: number }) => Call, string]> = [
  ['POST /users with A roleId', (a) => ['POST', '/users', newUser({ roleId: a.salesRoleId })], 'roleId'],
  ['POST /users with A departmentId', (a, b) => ['POST', '/users', newUser({ roleId: b.roleId, departmentId: a.deptId })], 'departmentId'],
  ['POST /users with A superiorId', (a, b) => ['POST', '/users', newUser({ roleId: b.roleId, superiorId: a.userId })], 'superiorId'],
  ['PATCH /users/{id} with A roleId', (a, b) => ['PATCH', `/users/${b.userId}`, { version: b.userVersion, roleId: a.salesRoleId }], 'roleId'],
  ['PATCH /users/{id} with A departmentId', (a, b) => ['PATCH', `/users/${b.userId}`, { version: b.userVersion, departmentId: a.deptId }], 'departmentId'],
  ['PATCH /users/{id} with A superiorId', (a, b) => ['PATCH', `/users/${b.userId}`, { version: b.userVersion, superiorId: a.userId }], 'superiorId'],
  ['POST /departments with A parentId', (a) => ['POST', '/departments', { name: '渗透部', parentId: a.deptId }], 'parentId'],
  ['POST /departments with A headId', (a) => ['POST', '/departments', { name: '渗透部', headId: a.userId }], 'headId'],
  ['PATCH /departments/{id} with A parentId', (a, b) => ['PATCH', `/departments/${b.deptId}`, { version: b.deptVersion, parentId: a.deptId }], 'parentId'],
  ['PATCH /departments/{id} with A headId', (a, b) => ['PATCH', `/departments/${b.deptId}`, { version: b.deptVersion, headId: a.userId }], 'headId'],
];

let seq = 0;
function newUser(fields: Record<string, unknown>) {
  return { name: '新人', email: `cross.${Date.now()}.${seq++}@example.com`, mobile: '13700001111', password: 'Passw0rd12', ...fields };
}

/** Tenant A's rows as stored, to prove a failed request changed nothing. */
async function snapshot(t: TestApp, tenantId: string) {
  const db = t.deps.db;
  const [departments, users, roles, tokens, sessions, audit] = await Promise.all([
    db.selectFrom('departments').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    db.selectFrom('roles').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    db.selectFrom('api_tokens').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute(),
    db.selectFrom('sessions').select(['id', 'user_id']).where('tenant_id', '=', tenantId).orderBy('id').execute(),
    db.selectFrom('audit_log').select(['id']).where('tenant_id', '=', tenantId).orderBy('id').execute(),
  ]);
  return { departments, users, roles, tokens, sessions, audit };
}

for (const dialect of DIALECTS) {
  describe(`tenant isolation [${dialect}]`, () => {
    let t: TestApp;
    let a: TenantA;
    let bAdmin: TestClient;
    let bToken: TestClient;
    let b: { userId: string; deptId: string; roleId: string; deptVersion: number; userVersion: number };
    const aIds: string[] = [];

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const A = await signup(t, '甲公司');
      const dept = await createDepartment(A.client, '销售部', A.me.user.departmentId);
      const emptyDept = await createDepartment(A.client, '空部门', A.me.user.departmentId);
      const salesRoleId = await roleIdOf(A.client, 'sales');
      const customRole = await createRole(A.client, { name: '甲自定义', dataScope: 'self', permissions: { users: ['view'] } });
      const user = await createUserWithRole(t, A.client, { roleId: salesRoleId, departmentId: dept.id, name: '甲销售' });
      const edited = await A.client.patch(`/users/${user.user.id}`, { version: user.user.version, name: '甲销售员' });
      const token = await A.client.post('/tokens', { name: '甲集成' });
      expect([edited.status, token.status]).toEqual([200, 201]);
      a = {
        tenantId: A.me.tenant.id, adminId: A.me.user.id, rootDeptId: A.me.user.departmentId!, deptId: dept.id,
        emptyDeptId: emptyDept.id, userId: user.user.id, userVersion: edited.body.version, deptVersion: dept.version,
        salesRoleId, customRoleId: customRole.id, customRoleVersion: customRole.version, tokenId: token.body.id,
        userClient: user.client,
      };
      const auditIds = await t.deps.db.selectFrom('audit_log').select('id').where('tenant_id', '=', a.tenantId).execute();
      aIds.push(a.tenantId, a.adminId, a.rootDeptId, a.deptId, a.emptyDeptId, a.userId, salesRoleId, a.customRoleId, a.tokenId,
        ...auditIds.map((r) => r.id));

      const B = await signup(t, '乙公司');
      bAdmin = B.client;
      const bToken_ = await bAdmin.post('/tokens', { name: '乙集成' });
      bToken = t.client({ bearer: bToken_.body.token });
      const bDept = await createDepartment(bAdmin, '乙销售部', B.me.user.departmentId);
      const bRoleId = await roleIdOf(bAdmin, 'sales');
      const bUser = await createUserWithRole(t, bAdmin, { roleId: bRoleId, departmentId: bDept.id });
      b = { userId: bUser.user.id, deptId: bDept.id, roleId: bRoleId, deptVersion: bDept.version, userVersion: bUser.user.version };
    });
    afterAll(() => t.close());

    for (const via of ['session', 'token'] as const) {
      it.each(BY_ID)(`%s with tenant A's id answers 404 to tenant B's admin (${via}) and changes nothing`, async (_name, call) => {
        const client = via === 'session' ? bAdmin : bToken;
        const before = await snapshot(t, a.tenantId);
        const [method, path, body] = call(a);
        const res = await client.request(method, path, body);
        // Tokens never manage tokens (403 before any lookup, so it reveals nothing); everything else is 404.
        if (via === 'token' && path.startsWith('/tokens')) expectError(res, 403, 'FORBIDDEN');
        else expectError(res, 404, 'NOT_FOUND');
        expect(JSON.stringify(res.body)).not.toContain(a.userId);
        const after = await snapshot(t, a.tenantId);
        expect(after).toEqual(before);
        // A's user is still signed in: no reset or deactivation reached them.
        expect((await a.userClient.get('/auth/me')).status).toBe(200);
      });
    }

    it.each(CROSS_REFERENCES)('%s answers 400 naming the field', async (_name, call, field) => {
      const before = await snapshot(t, a.tenantId);
      const [method, path, body] = call(a, b);
      const res = await bAdmin.request(method, path, body);
      expectError(res, 400, 'VALIDATION_FAILED', field);
      const detail = res.body.error.details.find((d: { field: string }) => d.field === field);
      expect(detail.rule).toBe('not_found');
      expect(await snapshot(t, a.tenantId)).toEqual(before);
    });

    it.each([
      ['/users'], ['/users?q=甲'], ['/departments'], ['/roles'], ['/tokens'], ['/audit'], ['/audit?pageSize=200'],
      ['/audit?entity=user'], ['/audit?actorId=ADMIN_A'],
    ])("GET %s in tenant B never contains tenant A's rows", async (path) => {
      const res = await bAdmin.get(path.replace('ADMIN_A', a.adminId));
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      for (const id of aIds) expect(text).not.toContain(id);
      expect(text).not.toContain('甲');
      if (!path.includes('ADMIN_A') && !path.includes('q=')) expect(res.body.items.length).toBeGreaterThan(0);
    });

    it("B's lists hold exactly B's own rows", async () => {
      const users = await bAdmin.get('/users');
      expect(users.body.total).toBe(2);
      expect(idsOf(users)).toContain(b.userId);
      const depts = await bAdmin.get('/departments');
      expect(depts.body.items.map((d: { name: string }) => d.name).sort()).toEqual(['乙公司', '乙销售部']);
      const roles = await bAdmin.get('/roles');
      expect(roles.body.items).toHaveLength(5);
      const tokens = await bAdmin.get('/tokens');
      expect(tokens.body.items.map((x: { name: string }) => x.name)).toEqual(['乙集成']);
    });

    it("A's own admin still sees A's rows (the 404s above are isolation, not missing data)", async () => {
      const A = t.client();
      const adminEmail = await t.deps.db.selectFrom('users').select('email').where('id', '=', a.adminId).executeTakeFirstOrThrow();
      await A.post('/auth/login', { email: adminEmail.email, password: 'Passw0rd-测试' });
      for (const [, call] of BY_ID.filter(([, c]) => c(a)[0] === 'GET')) {
        const [, path] = call(a);
        expect((await A.get(path)).status, path).toBe(200);
      }
      expect((await A.request('DELETE', `/tokens/${a.tokenId}`)).status).toBe(200);
    });
  });
}
