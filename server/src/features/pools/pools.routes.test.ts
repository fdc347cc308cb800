import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, databaseUrl } from '../../../test/dialects';
import { createTestApp, createUserAndLogin, PASSWORD, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { createDb } from '../../db/create-db';
import { createLogger } from '../../lib/logger';
import { createScheduler } from '../../lib/scheduler';
import { runPoolSweep } from './pool-sweep';

const DAY = 86_400_000;
let seq = 0;
const newCustomer = (over: Record<string, unknown> = {}) => {
  seq++;
  const mobile = `1370${String(Date.now() % 10_000_000).padStart(7, '0')}`.slice(0, 7) + String(1000 + seq).slice(-4);
  return {
    name: `公海测试客户${seq}号${Math.random().toString(36).slice(2, 6)}`, industry: 'C', source: 'referral',
    contact: { name: '王经理', mobile, email: `pool${seq}.${Date.now()}@example.com` }, ...over,
  };
};

for (const dialect of DIALECTS) {
  describe(`public pool [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let adminEmail: string;
    let pool: { id: string; version: number };
    /** Sessions expire while the test clock jumps weeks ahead: sign in again after each jump. */
    const login = async (email: string) => {
      const c = t.client();
      await c.post('/auth/login', { email, password: PASSWORD });
      return c;
    };
    const travel = async (ms: number) => {
      t.clock.advance(ms);
      admin = await login(adminEmail);
    };
    beforeAll(async () => {
      t = await createTestApp(dialect);
      const s = await signup(t, '公海测试公司');
      admin = s.client;
      adminEmail = s.email;
      pool = (await admin.get('/pools')).body.items[0];
    });
    afterAll(() => t.close());

    it('shows days left, warns before the deadline once, then returns idle customers to the default pool', async () => {
      const rep = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13600000101' });
      const idle = (await rep.client.post('/customers', newCustomer())).body;
      const tierA = (await rep.client.post('/customers', newCustomer({ valueTier: 'A' }))).body;
      const won = (await rep.client.post('/customers', newCustomer({ status: 'won' }))).body;
      expect(idle.poolDaysLeft).toBe(30);
      expect(tierA.poolDaysLeft).toBe(60);
      expect(won.poolDaysLeft).toBeNull();

      await travel(28 * DAY);
      const first = await runPoolSweep(t.deps);
      expect(first.warned).toBeGreaterThanOrEqual(1);
      const again = await runPoolSweep(t.deps);
      expect(again.warned).toBe(0);
      const warnings = await t.deps.db.selectFrom('notifications').select('type').where('user_id', '=', rep.user.id).where('type', '=', 'customer.pool_warning').execute();
      expect(warnings).toHaveLength(1);

      await travel(3 * DAY);
      rep.client = await login(rep.email);
      const swept = await runPoolSweep(t.deps);
      expect(swept.returned).toBeGreaterThanOrEqual(1);
      expect((await rep.client.get(`/customers/${idle.id}`)).body).toMatchObject({ ownerId: null, poolId: pool.id });
      expect((await rep.client.get(`/customers/${tierA.id}`)).body.ownerId).toBe(rep.user.id);
      expect((await rep.client.get(`/customers/${won.id}`)).body.ownerId).toBe(rep.user.id);
      const tl = (await admin.get(`/customers/${idle.id}/timeline?types=returned_to_pool`)).body.items;
      expect(tl[0].data).toMatchObject({ from: rep.user.id, fromName: rep.user.name, auto: true });
      // Pool members read the history of a pool customer before claiming it.
      const colleague = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13600000106' });
      expect((await colleague.client.get(`/customers/${idle.id}/timeline`)).status).toBe(200);
      const notes = await t.deps.db.selectFrom('notifications').select('type').where('user_id', '=', rep.user.id).where('type', '=', 'customer.returned_to_pool').execute();
      expect(notes.length).toBeGreaterThanOrEqual(1);
      const poolItems = (await rep.client.get(`/customers?poolId=${pool.id}`)).body.items as Array<{ id: string; lastOwnerId: string | null }>;
      expect(poolItems.map((c) => c.id)).toContain(idle.id);
      // The pool list names the previous owner.
      expect(poolItems.find((c) => c.id === idle.id)?.lastOwnerId).toBe(rep.user.id);
      expect((await rep.client.get('/customers')).body.items.map((c: { id: string }) => c.id)).not.toContain(idle.id);

      // The former owner waits out the cooldown before claiming it back; a colleague may claim at once.
      const back = await rep.client.post(`/pools/${pool.id}/claim`, { ids: [idle.id] });
      expect(back.body.failed[0]).toMatchObject({ id: idle.id, code: 'UNPROCESSABLE' });
      expect(back.body.failed[0].message).toMatch(/天后才能再次领取/);
      await travel(8 * DAY);
      rep.client = await login(rep.email);
      const later = await rep.client.post(`/pools/${pool.id}/claim`, { ids: [idle.id] });
      expect(later.body.done).toEqual([idle.id]);
      expect((await rep.client.get(`/customers/${idle.id}`)).body).toMatchObject({ ownerId: rep.user.id, poolId: null, poolDaysLeft: 30 });
    });

    it('enforces the daily claim cap and the holding limit, and lets only one of two racing claims win', async () => {
      const r = await admin.get('/pools');
      const current = r.body.items[0];
      const rules = { ...current.rules, dailyClaimCap: 2, holdLimit: 3 };
      const saved = await admin.patch(`/pools/${current.id}`, { version: current.version, rules });
      expect(saved.status).toBe(200);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const c = (await admin.post('/customers', newCustomer())).body;
        expect((await admin.post(`/customers/${c.id}/return-to-pool`, { reason: '测试' })).status).toBe(200);
        ids.push(c.id);
      }
      const rep = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13600000102' });
      const res = await rep.client.post(`/pools/${current.id}/claim`, { ids: ids.slice(0, 3) });
      expect(res.body.done).toEqual(ids.slice(0, 2));
      expect(res.body.failed[0].message).toBe('今日领取已达上限（2 个）');
      await travel(DAY);
      rep.client = await login(rep.email);
      await rep.client.post('/customers', newCustomer());
      const capped = await rep.client.post(`/pools/${current.id}/claim`, { ids: [ids[2]] });
      expect(capped.body.failed[0].message).toBe('持有客户数已达上限（3 个）');

      const a = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13600000103' });
      const b = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13600000104' });
      const [ra, rb] = await Promise.all([
        a.client.post(`/pools/${current.id}/claim`, { ids: [ids[3]] }),
        b.client.post(`/pools/${current.id}/claim`, { ids: [ids[3]] }),
      ]);
      expect(ra.body.done.length + rb.body.done.length).toBe(1);
      const claims = await t.deps.db.selectFrom('pool_claims').select('user_id').where('customer_id', '=', ids[3]!).execute();
      expect(claims).toHaveLength(1);
      const fresh = (await admin.get('/pools')).body.items[0];
      await admin.patch(`/pools/${fresh.id}`, { version: fresh.version, rules: current.rules });
    });

    it('lets only pool admins assign, keeps other tenants out, and validates rules', async () => {
      const c = (await admin.post('/customers', newCustomer())).body;
      await admin.post(`/customers/${c.id}/return-to-pool`, {});
      const rep = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13600000105' });
      expect((await rep.client.post(`/pools/${pool.id}/assign`, { ids: [c.id], ownerId: rep.user.id })).status).toBe(403);
      const assigned = await admin.post(`/pools/${pool.id}/assign`, { ids: [c.id], ownerId: rep.user.id });
      expect(assigned.body.done).toEqual([c.id]);
      const note = await t.deps.db.selectFrom('notifications').select(['type', 'data']).where('user_id', '=', rep.user.id).where('type', '=', 'customer.assigned').execute();
      expect(note).toHaveLength(1);
      expect(JSON.stringify(note[0]!.data)).toContain(c.name);

      const { client: other } = await signup(t, '别的公司');
      expect((await other.get(`/customers?poolId=${pool.id}`)).status).toBe(404);
      expect((await other.post(`/pools/${pool.id}/claim`, { ids: [c.id] })).status).toBe(404);
      expect((await other.get(`/customers/${c.id}`)).status).toBe(404);
      const bad = await admin.patch(`/pools/${pool.id}`, { version: 999, rules: { autoReturn: true } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: { field: string }) => d.field)).toContain('rules.warnDaysBefore');
    });

    it('runs a scheduled slot once even when several processes wake up together', async () => {
      const other = createDb(databaseUrl(dialect), { poolSize: 2 });
      const handles = dialect === 'postgres' ? [t.deps.db, other.db] : [t.deps.db, t.deps.db];
      let runs = 0;
      const job = { name: `test-job-${Date.now()}`, everyMs: 3_600_000, run: async () => ++runs };
      const schedulers = handles.map((db) => createScheduler({ db, dialect, clock: t.clock, logger: createLogger('silent') }, [job]));
      const at = t.clock.now();
      const ran = await Promise.all([...schedulers, ...schedulers].map((s) => s.runDue(at)));
      expect(runs).toBe(1);
      expect(ran.flat()).toEqual([job.name]);
      const rows = await t.deps.db.selectFrom('job_runs').selectAll().where('job', '=', job.name).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.finished_at).not.toBeNull();
      await Promise.all(schedulers.map((s) => s.runDue(new Date(at.getTime() + 3_600_000))));
      expect(runs).toBe(2);
      await other.destroy();
    });
  });
}
