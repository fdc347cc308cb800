import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { roleIdOf } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

for (const dialect of DIALECTS) {
  describe(`the last active administrator [${dialect}]`, () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(() => t.close());

    const activeAdmins = async (tenantId: string, adminRoleId: string) =>
      (await t.deps.db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('role_id', '=', adminRoleId)
        .where('active', '=', dialect === 'postgres' ? (true as never) : (1 as never)).execute()).length;

    it('cannot be demoted or deactivated, with the reason in zh-CN and en', async () => {
      const { client: admin, me } = await signup(t, '单管理员有限公司');
      const salesId = await roleIdOf(admin, 'sales');
      const second = await createUserAndLogin(t, admin, { roleCode: 'admin', name: '第二管理员', mobile: '13600000001' });
      // With two admins, one may demote the other; the one left cannot then demote themself.
      const demoted = await second.client.patch(`/users/${me.user.id}`, { version: 1, roleId: salesId });
      expect(demoted.status).toBe(200);
      for (const [lang, message] of [['zh-CN', '必须至少保留一名启用的管理员'], ['en', 'At least one active administrator must remain']] as const) {
        const self = await second.client.request('PATCH', `/users/${second.user.id}`, { version: 1, roleId: salesId }, { 'Accept-Language': lang });
        expect(self.status).toBe(422);
        expect(self.body.error.details).toEqual([{ field: 'roleId', rule: 'last_admin', message }]);
      }
    });

    it('survives two administrators demoting each other at the same moment', async () => {
      const { client: a, me } = await signup(t, '双管理员有限公司');
      const adminRoleId = await roleIdOf(a, 'admin');
      const salesId = await roleIdOf(a, 'sales');
      const b = await createUserAndLogin(t, a, { roleCode: 'admin', name: '管理员乙', mobile: '13600000002' });
      const clients: Array<[TestClient, string]> = [[a, b.user.id], [b.client, me.user.id]];
      const results = await Promise.all(clients.map(([client, target]) => client.patch(`/users/${target}`, { version: 1, roleId: salesId })));
      // Exactly one wins. The other is refused by the last-admin rule (422) when the two overlap, or, when the
      // winner committed before the loser's request read its caller, because the loser is no longer an admin (403).
      const [won, lost] = results.map((r) => r.status).sort();
      expect(won).toBe(200);
      expect([403, 422]).toContain(lost);
      expect(await activeAdmins(me.tenant.id, adminRoleId)).toBe(1);
    });
  });
}
