import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createDepartment } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

for (const dialect of DIALECTS) {
  describe(`colleague directory GET /users/directory [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let rep: TestClient;
    let repId: string;
    let colleagueId: string;
    let eastId: string;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t)).client;
      eastId = (await createDepartment(admin, '华东销售部')).id;
      const west = await createDepartment(admin, '华南销售部');
      const r = await createUserAndLogin(t, admin, { roleCode: 'sales', departmentId: eastId, name: '李销售' });
      rep = r.client;
      repId = r.user.id;
      colleagueId = (await createUserAndLogin(t, admin, { roleCode: 'sales', departmentId: west.id, name: '赵同事', mobile: '13700001111' })).user.id;
    });
    afterAll(() => t.close());

    it('lets a rep with the 本人 scope see every colleague by name and department, without contact details', async () => {
      // GET /users is scoped: the rep sees only themself there.
      const scoped = await rep.get('/users');
      expect(scoped.status).toBe(200);
      expect(scoped.body.items.map((u: { id: string }) => u.id)).toEqual([repId]);

      const res = await rep.get(`/users/directory?q=${encodeURIComponent('赵')}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 1, page: 1 });
      expect(res.body.items[0]).toEqual({ id: colleagueId, name: '赵同事', departmentId: expect.any(String), departmentName: '华南销售部', active: true });
      expect(JSON.stringify(res.body)).not.toContain('13700001111');
    });

    it('resolves ids, filters by department and active, and pages', async () => {
      const byIds = await rep.get(`/users/directory?ids=${colleagueId},${repId},nonexistent`);
      expect(byIds.body.items.map((u: { name: string }) => u.name).sort()).toEqual(['李销售', '赵同事'].sort());
      const east = await rep.get(`/users/directory?departmentId=${eastId}`);
      expect(east.body.items.map((u: { id: string }) => u.id)).toEqual([repId]);
      const deactivate = await admin.patch(`/users/${colleagueId}`, { version: 1, active: false });
      expect(deactivate.status).toBe(200);
      const active = await rep.get('/users/directory?active=true');
      expect(active.body.items.map((u: { id: string }) => u.id)).not.toContain(colleagueId);
      const page = await rep.get('/users/directory?pageSize=1&page=2');
      expect(page.body).toMatchObject({ pageSize: 1, page: 2, total: 3 });
      expect(page.body.items).toHaveLength(1);
    });

    it('never shows another tenant and needs a signed-in user', async () => {
      const other = await signup(t, '远方贸易有限公司');
      const res = await other.client.get(`/users/directory?ids=${colleagueId},${repId}`);
      expect(res.body).toMatchObject({ items: [], total: 0 });
      const anon = await t.client().get('/users/directory');
      expect(anon.status).toBe(401);
    });
  });
}
