import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { runFollowupSop } from '../followups/followup-sop.service';
import { defaultPool } from '../pools/pools.service';
import { runPoolSweep } from '../pools/pool-sweep';
import { runTaskReminders } from '../tasks/task-reminders';
import { seedDemo } from './demo-seed.service';

const ms = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).getTime());

for (const dialect of DIALECTS) {
  describe(`seed --demo leaves the steady state of the scheduled jobs [${dialect}]`, () => {
    let t: TestApp;
    let tenantId: string;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      tenantId = (await seedDemo(t.deps, { customers: 300, seed: 5, batchSize: 70 })).tenantId;
    }, 120_000);
    afterAll(() => t.close());

    /** Everything of the demo tenant the three jobs write: tasks, customers' pool columns and due times, notices. */
    async function snapshot() {
      const db = t.deps.db;
      const [customers, tasks, notices, events] = await Promise.all([
        db.selectFrom('customers').select(['id', 'owner_id', 'pool_id', 'pooled_at', 'pool_warned_at', 'follow_up_due_at', 'version'])
          .where('tenant_id', '=', tenantId).orderBy('id').execute(),
        db.selectFrom('tasks').select(['id', 'reminded_at', 'status']).where('tenant_id', '=', tenantId).orderBy('id').execute(),
        db.selectFrom('notifications').select((e) => e.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow(),
        db.selectFrom('timeline_events').select((e) => e.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow(),
      ]);
      return { customers, tasks, notices: Number(notices.n), events: Number(events.n) };
    }

    it('writes what the pool sweep and the SOP job would have: pool returns with their history, warnings, SOP tasks', async () => {
      const db = t.deps.db;
      const now = t.clock.now().getTime();
      const pool = await defaultPool(t.deps, tenantId);
      const rows = await db.selectFrom('customers').selectAll().where('tenant_id', '=', tenantId).execute();
      const pooled = rows.filter((c) => c.pool_id !== null);
      const owned = rows.filter((c) => c.owner_id !== null);
      expect(pooled.length + owned.length).toBe(300);
      expect(pooled.length).toBeGreaterThan(0);
      for (const c of pooled) {
        expect(c).toMatchObject({ owner_id: null, pool_id: pool.id, pool_warned_at: null });
        expect(c.last_owner_id).not.toBeNull();
        expect(ms(c.pooled_at)!).toBeLessThan(now);
        expect(ms(c.updated_at)).toBe(ms(c.pooled_at));
      }
      // The sweep's timeline event and audit entry, once per returned customer.
      const returned = await db.selectFrom('timeline_events').select(['customer_id', 'data', 'occurred_at'])
        .where('tenant_id', '=', tenantId).where('type', '=', 'returned_to_pool').execute();
      expect(returned.map((e) => e.customer_id).sort()).toEqual(pooled.map((c) => c.id).sort());
      const audits = await db.selectFrom('audit_log').select(['entity_id', 'created_at']).where('tenant_id', '=', tenantId).where('action', '=', 'return_to_pool').execute();
      expect(audits.map((a) => a.entity_id).sort()).toEqual(pooled.map((c) => c.id).sort());
      // Owned customers still being worked were mostly followed up inside the rule's window; some are warned.
      const worked = owned.filter((c) => c.status === 'potential' || c.status === 'intent');
      expect(worked.filter((c) => c.last_follow_up_at !== null).length / worked.length).toBeGreaterThan(0.6);
      const warned = owned.filter((c) => c.pool_warned_at !== null);
      expect(warned.length).toBeGreaterThan(0);
      for (const c of warned) expect(ms(c.pool_warned_at)!).toBeLessThanOrEqual(now);
      // SOP tasks, as insertSopTask writes them, for owned customers; reminders that are due are marked sent.
      const sop = await db.selectFrom('tasks').selectAll().where('tenant_id', '=', tenantId).where('source', '=', 'sop').execute();
      expect(sop.length).toBeGreaterThan(0);
      for (const task of sop) {
        const c = rows.find((r) => r.id === task.customer_id)!;
        expect(task.assignee_id).toBe(c.owner_id);
        expect(task.sop_key).toContain(c.id);
        expect(ms(task.remind_at)).toBe(ms(task.due_at));
        expect(task.reminded_at === null).toBe(ms(task.remind_at)! > now);
      }
      expect(sop.some((x) => ms(x.due_at)! < now) && sop.some((x) => ms(x.due_at)! > now)).toBe(true);
      const open = await db.selectFrom('tasks').select(['customer_id', 'due_at']).where('tenant_id', '=', tenantId).where('status', '=', 'open').execute();
      for (const c of rows) {
        const due = open.filter((x) => x.customer_id === c.id).map((x) => ms(x.due_at)!);
        expect(ms(c.follow_up_due_at)).toBe(due.length ? Math.min(...due) : null);
      }
    });

    it('gives the SOP job, the pool sweep and the reminder job nothing to do at the plan’s now', async () => {
      const before = await snapshot();
      const now = t.clock.now();
      const sop = await runFollowupSop(t.deps, now);
      const sweep = await runPoolSweep(t.deps, now);
      const reminders = await runTaskReminders(t.deps, now);
      // The PostgreSQL test database is shared with other test files (the jobs run over every tenant), so there the
      // demo tenant's own rows are compared; on SQLite the database holds the demo tenant alone.
      expect(await snapshot()).toEqual(before);
      if (dialect === 'sqlite') {
        expect(sop).toEqual({ created: 0 });
        expect(sweep).toEqual({ returned: 0, warned: 0 });
        expect(reminders).toEqual({ fired: 0 });
      }
    });
  });
}
