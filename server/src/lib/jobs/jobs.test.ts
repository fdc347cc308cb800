import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, signup, type TestApp } from '../../../test/test-app';
import { DIALECTS } from '../../../test/dialects';
import { createJobQueue, type JobQueue } from './index';
import { waitFor } from '../../../test/wait-for';

const unique = (what: string) => `test_${what}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

for (const dialect of DIALECTS) {
  describe(`job queue (${dialect})`, () => {
    let t: TestApp;
    const queues: JobQueue[] = [];
    const queue = async () => {
      t ??= await createTestApp(dialect);
      const q = createJobQueue(t.deps, { pollMs: 500, maintenanceSeconds: 1, stopTimeoutMs: 1000 });
      queues.push(q);
      return q;
    };
    afterEach(async () => {
      await Promise.all(queues.splice(0).map((q) => q.stop()));
    });

    it('runs an enqueued job once, with its data, progress and result', async () => {
      const q = await queue();
      const name = unique('once');
      const seen: unknown[] = [];
      q.work(name, async (data, ctx) => {
        seen.push(data);
        await ctx.reportProgress({ done: 1, total: 2 });
        return { ok: true, attempt: ctx.attempt };
      });
      const id = await q.enqueue(name, { customer: '华星' });
      expect(id).toBeTruthy();
      await q.start();
      const job = await waitFor(async () => ((await q.get(id!))?.state === 'completed' ? q.get(id!) : undefined));
      expect(seen).toEqual([{ customer: '华星' }]);
      expect(job).toMatchObject({ name, state: 'completed', attempts: 1, progress: { done: 1, total: 2 }, result: { ok: true, attempt: 1 }, lastError: null });
      expect(job!.finishedAt).toBeTruthy();
      await new Promise((r) => setTimeout(r, 1200));
      expect(seen).toHaveLength(1);
    });

    it('retries a failing job up to its limit, then fails it with the error; an admin retry runs it again', async () => {
      const q = await queue();
      const name = unique('fail');
      let calls = 0;
      let healed = false;
      q.work(name, async () => {
        calls += 1;
        if (!healed) throw new Error(`boom ${calls}`);
        return 'fixed';
      });
      const id = (await q.enqueue(name, {}, { retryLimit: 2, retryDelayMs: 0 }))!;
      await q.start();
      const failed = await waitFor(async () => ((await q.get(id))?.state === 'failed' ? q.get(id) : undefined));
      expect(calls).toBe(3);
      expect(failed).toMatchObject({ state: 'failed', attempts: 3, lastError: 'boom 3' });
      expect(await q.cancel(id)).toBe(false);
      healed = true;
      expect(await q.retry(id)).toBe(true);
      const done = await waitFor(async () => ((await q.get(id))?.state === 'completed' ? q.get(id) : undefined));
      expect(done).toMatchObject({ state: 'completed', result: 'fixed' });
      expect(calls).toBe(4);
      expect(await q.retry(id)).toBe(false);
    });

    it('runs a job again when its worker stopped answering (lease expired)', async () => {
      const q = await queue();
      const name = unique('lease');
      const attempts: number[] = [];
      q.work(name, async (_data, ctx) => {
        attempts.push(ctx.attempt);
        if (ctx.attempt === 1) return new Promise(() => undefined); // hangs like a dead process
        return 'second try';
      });
      const id = (await q.enqueue(name, {}, { leaseMs: 1000, retryDelayMs: 0 }))!;
      await q.start();
      await waitFor(async () => ((await q.get(id))?.state === 'active' ? true : undefined));
      // SQLite leases follow the app clock (moved here); pg-boss expires on the database clock (real time).
      const done = await waitFor(async () => ((await q.get(id))?.state === 'completed' ? q.get(id) : undefined), () => t.clock.advance(300));
      expect(done).toMatchObject({ state: 'completed', attempts: 2, result: 'second try' });
      expect(attempts).toEqual([1, 2]);
    });

    it('cancels a queued job, which then never runs', async () => {
      const q = await queue();
      const name = unique('cancel');
      let calls = 0;
      q.work(name, async () => {
        calls += 1;
      });
      const later = new Date(Date.now() + 3_600_000);
      const id = (await q.enqueue(name, {}, { runAt: later }))!;
      const other = (await q.enqueue(name, {}))!;
      expect(await q.cancel(id)).toBe(true);
      expect(await q.cancel(id)).toBe(false);
      await q.start();
      await waitFor(async () => ((await q.get(other))?.state === 'completed' ? true : undefined));
      expect(calls).toBe(1);
      expect(await q.get(id)).toMatchObject({ state: 'cancelled', attempts: 0 });
      expect(await q.get('0190f5b2-0000-7000-8000-000000000000')).toBeUndefined();
    });

    it('singletonKey: a second job with the same key is not queued while the first waits or runs', async () => {
      const q = await queue();
      const name = unique('single');
      let calls = 0;
      q.work(name, async () => {
        calls += 1;
      });
      const first = await q.enqueue(name, { n: 1 }, { singletonKey: 'customer-1' });
      const dup = await q.enqueue(name, { n: 2 }, { singletonKey: 'customer-1' });
      const otherKey = await q.enqueue(name, { n: 3 }, { singletonKey: 'customer-2' });
      expect(first).toBeTruthy();
      expect(dup).toBeNull();
      expect(otherKey).toBeTruthy();
      await q.start();
      await waitFor(async () => ((await q.get(first!))?.state === 'completed' && (await q.get(otherKey!))?.state === 'completed' ? true : undefined));
      expect(calls).toBe(2);
      const again = await q.enqueue(name, { n: 4 }, { singletonKey: 'customer-1' });
      expect(again).toBeTruthy();
      expect(again).not.toBe(first);
      // A cancelled job cannot be retried while another with its key waits.
      const later = new Date(Date.now() + 3_600_000);
      const waiting = (await q.enqueue(name, {}, { singletonKey: 'customer-3', runAt: later }))!;
      expect(await q.cancel(waiting)).toBe(true);
      const replacement = (await q.enqueue(name, {}, { singletonKey: 'customer-3', runAt: later }))!;
      expect(replacement).toBeTruthy();
      expect(await q.retry(waiting)).toBe(false);
      expect(await q.cancel(replacement)).toBe(true);
      expect(await q.retry(waiting)).toBe(true);
    });

    it('lists a tenant’s jobs with filters; system jobs only when asked', async () => {
      const q = await queue();
      const name = unique('list');
      const tenantA = (await signup(t)).me.tenant.id;
      const a = (await q.enqueue(name, {}, { tenantId: tenantA! }))!;
      const sys = (await q.enqueue(name, {}, { tenantId: null }))!;
      const mine = await q.list({ tenantId: tenantA!, includeSystem: false, name, page: 1, pageSize: 10 });
      expect(mine.items.map((j) => j.id)).toEqual([a]);
      expect(mine.total).toBe(1);
      const withSystem = await q.list({ tenantId: tenantA!, includeSystem: true, name, page: 1, pageSize: 10 });
      expect(withSystem.items.map((j) => j.id).sort()).toEqual([a, sys].sort());
      expect((await q.list({ tenantId: tenantA!, includeSystem: true, name, state: 'failed', page: 1, pageSize: 10 })).total).toBe(0);
      expect((await q.list({ tenantId: tenantA!, includeSystem: true, name, state: 'queued', page: 1, pageSize: 1 })).items).toHaveLength(1);
    });

    // SQLite only: on PostgreSQL pg-boss archives and deletes finished jobs itself.
    if (dialect === 'sqlite') it('deletes finished jobs after 14 days (pg-boss archives them itself)', async () => {
      const q = await queue();
      const name = unique('purge');
      q.work(name, async () => 'done');
      const id = (await q.enqueue(name, {}))!;
      await q.start();
      await waitFor(async () => ((await q.get(id))?.state === 'completed' ? true : undefined));
      await q.stop();
      t.clock.advance(15 * 24 * 3600_000);
      const fresh = await queue();
      fresh.work(name, async () => 'done');
      await fresh.start();
      await waitFor(async () => ((await fresh.get(id)) === undefined ? true : undefined));
    });

    if (dialect === 'postgres') it('keeps a failed job listed and retryable for 14 days before pg-boss archives it', async () => {
      const q = await queue();
      const name = unique('keep');
      q.work(name, async () => {
        throw new Error('broken');
      });
      const id = (await q.enqueue(name, {}, { retryLimit: 0 }))!;
      await q.start();
      await waitFor(async () => ((await q.get(id))?.state === 'failed' ? true : undefined));
      const age = (days: number) => sql`update pgboss.job set completed_on = now() - make_interval(days => ${days}) where id = ${id}::uuid`.execute(t.deps.db);
      await age(13);
      // pg-boss's maintenance runs every second here; its default would archive a failed job after 12 hours.
      await new Promise((r) => setTimeout(r, 2500));
      expect(await q.get(id)).toMatchObject({ state: 'failed', lastError: 'broken' });
      await age(15);
      await waitFor(async () => ((await q.get(id)) === undefined ? true : undefined), undefined, 10_000);
    });

    it('closes', async () => {
      await t?.close();
    });
  });
}
