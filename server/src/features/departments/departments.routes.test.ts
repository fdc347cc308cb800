import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createDepartment, expectError, idsOf } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

for (const dialect of DIALECTS) {
  describe(`departments API [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let adminId: string;
    let tenantId: string;
    let rootId: string;

    const row = (id: string) => t.deps.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
    const pathOf = async (id: string) => (await row(id))!.path;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const s = await signup(t, '总部');
      admin = s.client;
      adminId = s.me.user.id;
      tenantId = s.me.tenant.id;
      rootId = s.me.user.departmentId!;
    });
    afterAll(() => t.close());

    it('creates a department under a parent, with its materialised path, and reads it back', async () => {
      const res = await admin.post('/departments', { name: ' 销售部 ', parentId: rootId, headId: adminId, sort: 3 });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['createdAt', 'headId', 'id', 'memberCount', 'name', 'parentId', 'sort', 'updatedAt', 'version']);
      expect(res.body).toMatchObject({ name: '销售部', parentId: rootId, headId: adminId, sort: 3, memberCount: 0, version: 1 });
      expect(await pathOf(res.body.id)).toBe(`/${rootId}/${res.body.id}/`);
      expect((await row(res.body.id))!.tenant_id).toBe(tenantId);
      const got = await admin.get(`/departments/${res.body.id}`);
      expect(got.body).toEqual(res.body);
      const top = await admin.post('/departments', { name: '独立事业部' });
      expect(top.body.parentId).toBeNull();
      expect(await pathOf(top.body.id)).toBe(`/${top.body.id}/`);
      expectError(await admin.get('/departments/nope'), 404, 'NOT_FOUND');
    });

    it.each([
      ['en', { name: '' }, 'name', 'required', 'Name is required'],
      ['zh-CN', { name: '部'.repeat(51) }, 'name', 'max_length', '名称不能超过 50 个字符'],
      ['en', { name: '部', sort: -1 }, 'sort', 'min_value', 'Sort must be at least 0'],
      ['zh-CN', { name: '部', parentId: 'missing' }, 'parentId', 'not_found', '上级部门指向的记录不存在'],
      ['en', { name: '部', headId: 'missing' }, 'headId', 'not_found', 'Department head refers to a record that does not exist'],
    ] as const)('rejects bad input (%s, %j) naming the field', async (lang, body, field, rule, message) => {
      const before = await t.deps.db.selectFrom('departments').select('id').where('tenant_id', '=', tenantId).execute();
      const res = await admin.request('POST', '/departments', body, { 'Accept-Language': lang });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.error.details).toEqual([{ field, rule, message }]);
      expect(await t.deps.db.selectFrom('departments').select('id').where('tenant_id', '=', tenantId).execute()).toHaveLength(before.length);
    });

    it('edits name, sort and head with the current version; a stale version gets 409 and changes nothing', async () => {
      const d = await createDepartment(admin, '客服部', rootId);
      const staff = await createUserAndLogin(t, admin, { roleCode: 'service', departmentId: d.id });
      const ok = await admin.patch(`/departments/${d.id}`, { version: 1, name: '客户服务部', sort: 7, headId: staff.user.id });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ name: '客户服务部', sort: 7, headId: staff.user.id, memberCount: 1, version: 2 });
      for (const lang of ['zh-CN', 'en'] as const) {
        const stale = await admin.request('PATCH', `/departments/${d.id}`, { version: 1, name: '旧名字', parentId: null }, { 'Accept-Language': lang });
        expectError(stale, 409, 'VERSION_CONFLICT');
      }
      const r = (await row(d.id))!;
      expect([r.name, r.version, r.parent_id, r.path]).toEqual(['客户服务部', 2, rootId, `/${rootId}/${d.id}/`]);
      expectError(await admin.patch(`/departments/${d.id}`, { version: 2, headId: 'nobody' }), 400, 'VALIDATION_FAILED', 'headId');
      const cleared = await admin.patch(`/departments/${d.id}`, { version: 2, headId: null });
      expect(cleared.body.headId).toBeNull();
      expectError(await admin.patch('/departments/nope', { version: 1, name: 'x' }), 404, 'NOT_FOUND');
    });

    describe('moving', () => {
      let sales: string;
      let team1: string;
      let team1a: string;
      let marketing: string;
      let mktManager: TestClient;
      let member: string;

      beforeAll(async () => {
        sales = (await createDepartment(admin, '销售部', rootId)).id;
        team1 = (await createDepartment(admin, '销售一组', sales)).id;
        team1a = (await createDepartment(admin, '销售一组A', team1)).id;
        marketing = (await createDepartment(admin, '市场部', rootId)).id;
        mktManager = (await createUserAndLogin(t, admin, { roleCode: 'manager', departmentId: marketing })).client;
        member = (await createUserAndLogin(t, admin, { roleCode: 'sales', departmentId: team1 })).user.id;
      });

      it("moves a whole subtree: 销售部 under 市场部 carries 销售一组 and its children, and the scope follows", async () => {
        expect(idsOf(await mktManager.get('/departments'))).toEqual([marketing]);
        expectError(await mktManager.get(`/users/${member}`), 404, 'NOT_FOUND');

        const current = (await admin.get(`/departments/${sales}`)).body;
        const moved = await admin.patch(`/departments/${sales}`, { version: current.version, parentId: marketing });
        expect(moved.status).toBe(200);
        expect(moved.body).toMatchObject({ parentId: marketing, version: current.version + 1 });

        const base = `/${rootId}/${marketing}/`;
        expect(await pathOf(sales)).toBe(`${base}${sales}/`);
        expect(await pathOf(team1)).toBe(`${base}${sales}/${team1}/`);
        expect(await pathOf(team1a)).toBe(`${base}${sales}/${team1}/${team1a}/`);
        expect(await pathOf(marketing)).toBe(`/${rootId}/${marketing}/`);
        expect((await row(team1))!.parent_id).toBe(sales);

        expect(idsOf(await mktManager.get('/departments')).sort()).toEqual([marketing, sales, team1, team1a].sort());
        expect((await mktManager.get(`/users/${member}`)).status).toBe(200);

        // And back to the top level: the subtree's paths start at 销售部 itself.
        const back = await admin.patch(`/departments/${sales}`, { version: moved.body.version, parentId: null });
        expect(back.body.parentId).toBeNull();
        expect(await pathOf(team1a)).toBe(`/${sales}/${team1}/${team1a}/`);
        expect(idsOf(await mktManager.get('/departments'))).toEqual([marketing]);
        expectError(await mktManager.get(`/users/${member}`), 404, 'NOT_FOUND');
      });

      it.each([
        ['itself', () => sales],
        ['its child', () => team1],
        ['its grandchild', () => team1a],
      ])('refuses to move a department under %s (400 parentId, rule cycle) and changes nothing', async (_what, target) => {
        const before = await t.deps.db.selectFrom('departments').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
        const current = (await admin.get(`/departments/${sales}`)).body;
        for (const [lang, message] of [
          ['zh-CN', '上级部门不能是自己或自己的下级'],
          ['en', 'Parent department cannot be the record itself or one of its descendants'],
        ] as const) {
          const res = await admin.request('PATCH', `/departments/${sales}`, { version: current.version, parentId: target() }, { 'Accept-Language': lang });
          expectError(res, 400, 'VALIDATION_FAILED');
          expect(res.body.error.details).toEqual([{ field: 'parentId', rule: 'cycle', message }]);
        }
        expect(await t.deps.db.selectFrom('departments').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute()).toEqual(before);
      });

      it('moving a child up to a sibling position leaves the rest of the tree alone', async () => {
        const current = (await admin.get(`/departments/${team1a}`)).body;
        const res = await admin.patch(`/departments/${team1a}`, { version: current.version, parentId: sales });
        expect(res.status).toBe(200);
        expect(await pathOf(team1a)).toBe(`${await pathOf(sales)}${team1a}/`);
        expect(await pathOf(team1)).toBe(`${await pathOf(sales)}${team1}/`);
        const missing = await admin.patch(`/departments/${team1a}`, { version: res.body.version, parentId: 'missing' });
        expectError(missing, 400, 'VALIDATION_FAILED', 'parentId');
      });
    });

    describe('deleting', () => {
      it('refuses a department with members or sub-departments (422), deletes an empty one (200)', async () => {
        const parent = await createDepartment(admin, '待删上级', rootId);
        const child = await createDepartment(admin, '待删下级', parent.id);
        const staffed = await createDepartment(admin, '有人部门', rootId);
        await createUserAndLogin(t, admin, { roleCode: 'sales', departmentId: staffed.id });

        for (const id of [parent.id, staffed.id]) {
          for (const [lang, message] of [
            ['zh-CN', '该部门下还有成员或子部门，无法删除'],
            ['en', 'The department still has members or sub-departments and cannot be deleted'],
          ] as const) {
            const res = await admin.request('DELETE', `/departments/${id}`, undefined, { 'Accept-Language': lang });
            expectError(res, 422, 'UNPROCESSABLE');
            expect(res.body.error.message).toBe(message);
          }
          expect(await row(id)).toBeDefined();
        }

        const gone = await admin.delete(`/departments/${child.id}`);
        expect(gone.status).toBe(200);
        expect(gone.body).toEqual({ ok: true });
        expect(await row(child.id)).toBeUndefined();
        expectError(await admin.get(`/departments/${child.id}`), 404, 'NOT_FOUND');
        expectError(await admin.delete(`/departments/${child.id}`), 404, 'NOT_FOUND');
        expect((await admin.delete(`/departments/${parent.id}`)).status).toBe(200);
        const audit = await admin.get(`/audit?entity=department&entityId=${parent.id}`);
        expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
      });
    });

    it('lists departments flat with member counts', async () => {
      const res = await admin.get('/departments');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['items']);
      const root = res.body.items.find((d: { id: string }) => d.id === rootId);
      expect(root).toMatchObject({ name: '总部', parentId: null, headId: adminId, memberCount: 1 });
      const staffed = res.body.items.find((d: { name: string }) => d.name === '有人部门');
      expect(staffed.memberCount).toBe(1);
    });
  });
}
