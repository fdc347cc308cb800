import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbJson, readJson } from '../../db/dialect';
import { newId } from '../../lib/ids';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

/**
 * Every request reads its session together with the user, role and department (one indexed read). What another
 * process writes to the database (logout, deactivation, a role's rights or a user's role) must therefore apply to
 * the very next request of a session signed in earlier; here the writes go straight to the database, as another
 * server process sharing it would make them.
 */
for (const dialect of DIALECTS) {
  describe(`session revocation on the next request [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let tenantId: string;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      const s = await signup(t);
      admin = s.client;
      tenantId = s.me.tenant.id;
    });
    afterAll(() => t.close());

    const salesUser = async () => {
      const { client, user } = await createUserAndLogin(t, admin, { roleCode: 'sales' });
      expect((await client.get('/customers')).status).toBe(200);
      return { client, userId: user.id as string };
    };

    it('a session deleted elsewhere (logout) answers 401 at once', async () => {
      const { client, userId } = await salesUser();
      await t.deps.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
      expect((await client.get('/customers')).status).toBe(401);
    });

    it('a user deactivated elsewhere answers 401 at once, even while the session row remains', async () => {
      const { client, userId } = await salesUser();
      await t.deps.db.updateTable('users').set({ active: dialect === 'postgres' ? (false as never) : (0 as never) }).where('id', '=', userId).execute();
      expect((await client.get('/customers')).status).toBe(401);
      expect((await client.get('/auth/me')).status).toBe(401);
    });

    it("a role's rights changed elsewhere apply to the next request", async () => {
      const { client, userId } = await salesUser();
      // A role of its own, so other tests' sales users keep theirs.
      const role = await t.deps.db.selectFrom('roles').selectAll().where('tenant_id', '=', tenantId).where('code', '=', 'sales').executeTakeFirstOrThrow();
      const id = newId();
      await t.deps.db.insertInto('roles').values({ ...role, id, code: null, name: `${role.name}（无客户）`, permissions: dbJson(dialect, {}) } as never).execute();
      await t.deps.db.updateTable('users').set({ role_id: id }).where('id', '=', userId).execute();
      expect((await client.get('/customers')).status).toBe(403);
      await t.deps.db.updateTable('roles').set({ permissions: dbJson(dialect, readJson(role.permissions, {})) as never }).where('id', '=', id).execute();
      expect((await client.get('/customers')).status).toBe(200);
    });

    it('a session past its idle or absolute expiry answers 401 and is removed', async () => {
      const { client, userId } = await salesUser();
      t.clock.advance(t.deps.config.SESSION_IDLE_MINUTES * 60_000 + 1000);
      expect((await client.get('/customers')).status).toBe(401);
      expect(await t.deps.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).toEqual([]);
    });
  });
}
