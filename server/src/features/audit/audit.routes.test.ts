import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createDepartment, expectError, roleIdOf } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, PASSWORD, signup, type TestApp, type TestClient } from '../../../test/test-app';

type Entry = { action: string; actorId: string | null; actorName: string | null; changes: Array<{ field: string; from: unknown; to: unknown }> };

for (const dialect of DIALECTS) {
  describe(`audit trail [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let adminId: string;
    let rootId: string;
    let salesDept: string;
    let marketingDept: string;
    let sales: Awaited<ReturnType<typeof createUserAndLogin>>;
    let colleague: Awaited<ReturnType<typeof createUserAndLogin>>;

    const trail = async (client: TestClient, entity: string, id: string) => {
      const res = await client.get(`/audit?entity=${entity}&entityId=${id}`);
      expect(res.status).toBe(200);
      return res.body.items as Entry[];
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const s = await signup(t);
      admin = s.client;
      adminId = s.me.user.id;
      rootId = s.me.user.departmentId!;
      salesDept = (await createDepartment(admin, '销售部', rootId)).id;
      marketingDept = (await createDepartment(admin, '市场部', rootId)).id;
      sales = await createUserAndLogin(t, admin, { roleCode: 'sales', departmentId: salesDept, name: '李销售' });
      colleague = await createUserAndLogin(t, admin, { roleCode: 'sales', departmentId: salesDept, name: '赵同事' });
    });
    afterAll(() => t.close());

    it("records who changed which field from what to what: a user's name and department", async () => {
      const current = (await admin.get(`/users/${sales.user.id}`)).body;
      t.clock.advance(60_000);
      const res = await admin.patch(`/users/${sales.user.id}`, { version: current.version, name: '李大销售', departmentId: marketingDept });
      expect(res.status).toBe(200);

      const entries = await trail(admin, 'user', sales.user.id);
      expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
      expect(entries[0]).toEqual({
        id: expect.any(String), actorId: adminId, actorName: '王管理', entity: 'user', entityId: sales.user.id, action: 'update',
        changes: [
          { field: 'name', from: '李销售', to: '李大销售' },
          { field: 'departmentId', from: salesDept, to: marketingDept },
        ],
        ip: null, createdAt: '2026-11-23T02:01:00.000Z',
      });
      const created = entries[1]!.changes;
      expect(created).toEqual(expect.arrayContaining([{ field: 'name', from: null, to: '李销售' }, { field: 'departmentId', from: null, to: salesDept }]));
      expect(created.map((c) => c.field)).not.toContain('password');

      // Saving without a real change writes nothing.
      await admin.patch(`/users/${sales.user.id}`, { version: res.body.version, name: '李大销售' });
      expect(await trail(admin, 'user', sales.user.id)).toHaveLength(2);

      const back = await admin.patch(`/users/${sales.user.id}`, { version: res.body.version + 1, departmentId: salesDept });
      expect(back.status).toBe(200);
    });

    it('records role and department edits as field changes too', async () => {
      const role = (await admin.post('/roles', { name: '审计角色', dataScope: 'self', permissions: { users: ['view'] } })).body;
      await admin.patch(`/roles/${role.id}`, { version: role.version, dataScope: 'department', permissions: { users: ['view', 'edit'] } });
      const [update] = await trail(admin, 'role', role.id);
      expect(update!.changes).toEqual([
        { field: 'dataScope', from: 'self', to: 'department' },
        { field: 'permissions', from: { users: ['view'] }, to: { users: ['view', 'edit'] } },
      ]);
      const dept = await createDepartment(admin, '临时部', rootId);
      await admin.patch(`/departments/${dept.id}`, { version: dept.version, name: '常设部', parentId: salesDept });
      const [deptUpdate] = await trail(admin, 'department', dept.id);
      expect(deptUpdate!.changes).toEqual([
        { field: 'name', from: '临时部', to: '常设部' },
        { field: 'parentId', from: rootId, to: salesDept },
      ]);
    });

    it('records the own profile edit with the actor as the user themselves', async () => {
      await colleague.client.patch('/auth/me', { name: '赵大同事' });
      const [entry] = await trail(admin, 'user', colleague.user.id);
      expect(entry).toMatchObject({ action: 'update', actorId: colleague.user.id, actorName: '赵同事', changes: [{ field: 'name', from: '赵同事', to: '赵大同事' }] });
    });

    it('shows a record\'s trail to whoever may see the record, and 404 to whoever may not', async () => {
      // sales has scope "self": their own trail, not a colleague's.
      expect((await trail(sales.client, 'user', sales.user.id)).length).toBeGreaterThan(0);
      expectError(await sales.client.get(`/audit?entity=user&entityId=${colleague.user.id}`), 404, 'NOT_FOUND');
      expectError(await sales.client.get(`/audit?entity=user&entityId=${adminId}`), 404, 'NOT_FOUND');
      expectError(await sales.client.get(`/audit?entity=department&entityId=${marketingDept}`), 404, 'NOT_FOUND');
      // Sales may not view roles at all.
      expectError(await sales.client.get(`/audit?entity=role&entityId=${await roleIdOf(admin, 'sales')}`), 403, 'FORBIDDEN');

      // A manager of 销售部 sees both sales users' trails, not the admin's.
      const manager = await createUserAndLogin(t, admin, { roleCode: 'manager', departmentId: salesDept });
      expect((await trail(manager.client, 'user', colleague.user.id)).length).toBeGreaterThan(0);
      expect((await trail(manager.client, 'department', salesDept)).length).toBeGreaterThan(0);
      expectError(await manager.client.get(`/audit?entity=user&entityId=${adminId}`), 404, 'NOT_FOUND');
      expectError(await manager.client.get('/audit?entity=user&entityId=nobody'), 404, 'NOT_FOUND');
      expectError(await admin.get('/audit?entity=user&entityId=nobody'), 404, 'NOT_FOUND');
    });

    it('keeps the tenant-wide trail for admins (403 for others), with filters and pages', async () => {
      for (const [client, lang] of [[sales.client, 'en'], [colleague.client, 'zh-CN']] as const) {
        const res = await client.request('GET', '/audit', undefined, { 'Accept-Language': lang });
        expectError(res, 403, 'FORBIDDEN');
        expectError(await client.get('/audit?entity=user'), 403, 'FORBIDDEN');
        expectError(await client.get(`/audit?actorId=${adminId}`), 403, 'FORBIDDEN');
        expectError(await client.get(`/audit?entity=tenant&entityId=${adminId}`), 403, 'FORBIDDEN');
      }
      const all = await admin.get('/audit?pageSize=200');
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(all.body.items.length);
      const entities = new Set(all.body.items.map((e: { entity: string }) => e.entity));
      expect([...entities].sort()).toEqual(['department', 'role', 'tenant', 'user']);

      const byActor = await admin.get(`/audit?actorId=${colleague.user.id}`);
      expect(byActor.body.items.map((e: Entry) => e.actorId)).toEqual([colleague.user.id]);
      const page = await admin.get('/audit?entity=user&pageSize=2&page=2');
      expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBeGreaterThan(4);
    });

    it('masks mobile and email in the trail for roles without "view sensitive data", as in the record itself', async () => {
      const target = (await admin.post('/users', {
        name: '周敏', email: 'zhou.min.audit@example.com', mobile: '13812345678', password: PASSWORD, roleId: await roleIdOf(admin, 'sales'),
      })).body;
      await admin.patch(`/users/${target.id}`, { version: target.version, mobile: '13987654321', email: 'zm.audit@example.com' });
      const marketing = await createUserAndLogin(t, admin, { roleCode: 'marketing' });

      const masked = await trail(marketing.client, 'user', target.id);
      const text = JSON.stringify(masked);
      for (const plain of ['13812345678', '13987654321', 'zhou.min.audit@example.com', 'zm.audit@example.com']) expect(text).not.toContain(plain);
      expect(masked[0]!.changes).toEqual([
        { field: 'email', from: 'z***@example.com', to: 'z***@example.com' },
        { field: 'mobile', from: '138****5678', to: '139****4321' },
      ]);
      expect(masked[1]!.changes).toEqual(expect.arrayContaining([{ field: 'name', from: null, to: '周敏' }, { field: 'mobile', from: null, to: '138****5678' }]));

      const plain = await trail(admin, 'user', target.id);
      expect(plain[0]!.changes).toEqual([
        { field: 'email', from: 'zhou.min.audit@example.com', to: 'zm.audit@example.com' },
        { field: 'mobile', from: '13812345678', to: '13987654321' },
      ]);
    });

    it("writes passwords only as '***': admin reset and own change", async () => {
      const target = await createUserAndLogin(t, admin, { roleCode: 'sales', departmentId: salesDept });
      expect((await admin.post(`/users/${target.user.id}/reset-password`, { password: 'Reset-pass-2026' })).status).toBe(200);
      const again = t.client();
      await again.post('/auth/login', { email: target.email, password: 'Reset-pass-2026' });
      expect((await again.post('/auth/password', { currentPassword: 'Reset-pass-2026', newPassword: 'Own-choice-2027' })).status).toBe(200);

      const entries = await trail(admin, 'user', target.user.id);
      expect(entries.slice(0, 2).map((e) => [e.action, e.actorId, e.changes])).toEqual([
        ['change_password', target.user.id, [{ field: 'password', from: '***', to: '***' }]],
        ['reset_password', adminId, [{ field: 'password', from: '***', to: '***' }]],
      ]);
      const rows = await t.deps.db.selectFrom('audit_log').selectAll().execute();
      const hashes = await t.deps.db.selectFrom('users').select('password_hash').execute();
      const text = JSON.stringify(rows);
      for (const secret of [PASSWORD, 'Reset-pass-2026', 'Own-choice-2027', ...hashes.map((h) => h.password_hash)]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toMatch(/password_?hash/i);
    });
  });
}
