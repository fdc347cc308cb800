import { SEED_ROLES, type DataScope } from '@guanxi/common/permissions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createDepartment, createRole, createUserWithRole, expectError, idsOf, letterEmail, roleIdOf } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

/*
 * 总部 (root, admin, boss)
 * ├─ 销售部 (caller, peer)              caller reports to boss; peer reports to boss
 * │  └─ 销售一组 (member1, member2)      member1 reports to caller; member2 reports to member1
 * └─ 市场部 (mkt, mktSub)               mkt reports to boss; mktSub reports to caller
 */
type Org = Record<'admin' | 'boss' | 'caller' | 'peer' | 'member1' | 'member2' | 'mkt' | 'mktSub', string>;
type Depts = Record<'root' | 'sales' | 'team1' | 'marketing', string>;

const USERS_IN_SCOPE: Record<DataScope, Array<keyof Org>> = {
  self: ['caller'],
  self_and_subordinates: ['caller', 'member1', 'member2', 'mktSub'],
  department: ['caller', 'peer'],
  department_and_children: ['caller', 'peer', 'member1', 'member2'],
  all: ['admin', 'boss', 'caller', 'peer', 'member1', 'member2', 'mkt', 'mktSub'],
};

const DEPARTMENTS_IN_SCOPE: Record<DataScope, Array<keyof Depts>> = {
  self: ['sales'],
  self_and_subordinates: ['sales'],
  department: ['sales'],
  department_and_children: ['sales', 'team1'],
  all: ['root', 'sales', 'team1', 'marketing'],
};

const SCOPES = Object.keys(USERS_IN_SCOPE) as DataScope[];

for (const dialect of DIALECTS) {
  describe(`data scope on users and departments [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let caller: TestClient;
    let roleId: string;
    const org = {} as Org;
    const depts = {} as Depts;
    const name = (id: string) => Object.entries(org).find(([, v]) => v === id)?.[0] ?? id;
    const deptName = (id: string) => Object.entries(depts).find(([, v]) => v === id)?.[0] ?? id;

    async function setScope(scope: DataScope) {
      const role = (await admin.get(`/roles/${roleId}`)).body;
      const res = await admin.patch(`/roles/${roleId}`, { version: role.version, dataScope: scope });
      expect(res.status).toBe(200);
    }

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const s = await signup(t, '总部');
      admin = s.client;
      org.admin = s.me.user.id;
      depts.root = s.me.user.departmentId!;
      depts.sales = (await createDepartment(admin, '销售部', depts.root)).id;
      depts.team1 = (await createDepartment(admin, '销售一组', depts.sales)).id;
      depts.marketing = (await createDepartment(admin, '市场部', depts.root)).id;

      const sales = await roleIdOf(admin, 'sales');
      const add = async (who: string, departmentId: string, superiorId: string | null) => {
        const res = await admin.post('/users', {
          name: who, email: letterEmail(who), mobile: '13600001111', password: 'Passw0rd12', roleId: sales, departmentId, superiorId,
        });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      org.boss = await add('boss', depts.root, null);
      // Rights cover the sales role's (and view sensitive data), so the caller may edit sales colleagues: only scope varies.
      const salesRights = SEED_ROLES.find((r) => r.code === 'sales')!.permissions;
      roleId = (await createRole(admin, { name: '范围测试', dataScope: 'self', viewSensitive: true, permissions: { ...salesRights, users: ['view', 'edit'], departments: ['view'] } })).id;
      const c = await createUserWithRole(t, admin, { roleId, departmentId: depts.sales, superiorId: org.boss, name: 'caller' });
      caller = c.client;
      org.caller = c.user.id;
      org.peer = await add('peer', depts.sales, org.boss);
      org.member1 = await add('member1', depts.team1, org.caller);
      org.member2 = await add('member2', depts.team1, org.member1);
      org.mkt = await add('mkt', depts.marketing, org.boss);
      org.mktSub = await add('mktSub', depts.marketing, org.caller);
    });
    afterAll(() => t.close());

    describe.each(SCOPES)('scope %s', (scope) => {
      beforeAll(() => setScope(scope));

      it('GET /users lists exactly the users in scope, with a matching total', async () => {
        const res = await caller.get('/users?pageSize=200');
        expect(res.status).toBe(200);
        expect(idsOf(res).map(name).sort()).toEqual([...USERS_IN_SCOPE[scope]].sort());
        expect(res.body.total).toBe(USERS_IN_SCOPE[scope].length);
      });

      it('GET /users/{id} answers 200 inside the scope and 404 outside', async () => {
        for (const [who, id] of Object.entries(org)) {
          const res = await caller.get(`/users/${id}`);
          const inScope = USERS_IN_SCOPE[scope].includes(who as keyof Org);
          expect(res.status, who).toBe(inScope ? 200 : 404);
          if (!inScope) expect(res.body.error.code).toBe('NOT_FOUND');
        }
      });

      it('filters cannot widen the scope', async () => {
        const res = await caller.get(`/users?departmentId=${depts.marketing}`);
        const expected = USERS_IN_SCOPE[scope].filter((w) => w === 'mkt' || w === 'mktSub');
        expect(idsOf(res).map(name).sort()).toEqual(expected.sort());
        const search = await caller.get('/users?q=mkt');
        expect(idsOf(search).map(name).sort()).toEqual(expected.sort());
      });

      it('PATCH of a user outside the scope answers 404 and changes nothing', async () => {
        for (const who of (Object.keys(org) as Array<keyof Org>).filter((w) => !USERS_IN_SCOPE[scope].includes(w))) {
          const before = await t.deps.db.selectFrom('users').selectAll().where('id', '=', org[who]).executeTakeFirstOrThrow();
          const res = await caller.patch(`/users/${org[who]}`, { version: before.version, name: '越权修改', departmentId: depts.sales });
          expectError(res, 404, 'NOT_FOUND');
          const after = await t.deps.db.selectFrom('users').selectAll().where('id', '=', org[who]).executeTakeFirstOrThrow();
          expect(after).toEqual(before);
        }
      });

      it('GET /departments and GET /departments/{id} follow the scope', async () => {
        const res = await caller.get('/departments');
        expect(res.status).toBe(200);
        expect(idsOf(res).map(deptName).sort()).toEqual([...DEPARTMENTS_IN_SCOPE[scope]].sort());
        for (const [key, id] of Object.entries(depts)) {
          const one = await caller.get(`/departments/${id}`);
          expect(one.status, key).toBe(DEPARTMENTS_IN_SCOPE[scope].includes(key as keyof Depts) ? 200 : 404);
        }
      });
    });

    it('a PATCH inside the scope works (department scope, a colleague of the same department)', async () => {
      await setScope('department');
      const peer = (await caller.get(`/users/${org.peer}`)).body;
      const res = await caller.patch(`/users/${org.peer}`, { version: peer.version, name: 'peer' });
      expect(res.status).toBe(200);
    });

    it('the seeded manager role (department and children): 销售部 manager sees 销售一组, not 市场部', async () => {
      const m = await createUserAndLogin(t, admin, { roleCode: 'manager', departmentId: depts.sales });
      const users = await m.client.get('/users?pageSize=200');
      expect(idsOf(users).map(name).sort()).toEqual(['caller', 'member1', 'member2', 'peer', m.user.id].sort());
      const ds = await m.client.get('/departments');
      expect(idsOf(ds).map(deptName).sort()).toEqual(['sales', 'team1']);
      expectError(await m.client.get(`/users/${org.mkt}`), 404, 'NOT_FOUND');
      expectError(await m.client.get(`/departments/${depts.marketing}`), 404, 'NOT_FOUND');
    });

    it('a department-scoped user without a department sees only themselves and no departments', async () => {
      await setScope('department_and_children');
      const loner = await createUserWithRole(t, admin, { roleId, departmentId: null, name: 'loner' });
      expect(idsOf(await loner.client.get('/users'))).toEqual([loner.user.id]);
      expect(idsOf(await loner.client.get('/departments'))).toEqual([]);
      await setScope('department');
      expect(idsOf(await loner.client.get('/users'))).toEqual([loner.user.id]);
    });

    it('a permitted write that puts the record outside the scope answers with the record, not 404', async () => {
      const hrRole = await createRole(admin, {
        name: '部门人事', dataScope: 'department', viewSensitive: true,
        permissions: { users: ['view', 'create', 'edit'], departments: ['view', 'create', 'edit'] },
      });
      const hr = await createUserWithRole(t, admin, { roleId: hrRole.id, departmentId: depts.marketing });
      const colleague = await createUserWithRole(t, admin, { roleId: hrRole.id, departmentId: depts.marketing });

      const moved = await hr.client.patch(`/users/${colleague.user.id}`, { version: colleague.user.version, departmentId: depts.team1 });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ id: colleague.user.id, departmentId: depts.team1, version: colleague.user.version + 1 });
      expectError(await hr.client.get(`/users/${colleague.user.id}`), 404, 'NOT_FOUND');

      const created = await hr.client.post('/users', {
        name: '新调入', email: letterEmail('transfer'), mobile: '13600002222', password: 'Passw0rd12', roleId: hrRole.id, departmentId: depts.sales,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: '新调入', departmentId: depts.sales, mobile: '13600002222' });

      const sub = await hr.client.post('/departments', { name: '市场一组', parentId: depts.marketing });
      expect(sub.status).toBe(201);
      expect(sub.body).toMatchObject({ name: '市场一组', parentId: depts.marketing, memberCount: 0 });
      const renamed = await hr.client.patch(`/departments/${sub.body.id}`, { version: sub.body.version, name: '市场二组' });
      expectError(renamed, 404, 'NOT_FOUND');
    });
  });
}
