import { describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../bench/bench-server';
import { createDb, type DbHandle } from '../../db/create-db';
import { migrateToLatest } from '../../db/migrate';
import { systemClock } from '../clock';
import { createLogger } from '../logger';
import { freshDatabase } from '../../../test/fresh-database';
import { DIALECTS } from '../../../test/dialects';
import { PING_JOB } from './background-jobs';
import { createJobQueue } from './index';
import { waitFor } from '../../../test/wait-for';


const SLOT_MS = 600;
const ENV = {
  JOBS: 'on', JOBS_POLL_MS: '200', SCHEDULER_TICK_SECONDS: '0.15', POOL_SWEEP_MINUTES: String(SLOT_MS / 60_000),
  JOBS_MAINTENANCE_SECONDS: '1',
};

for (const dialect of DIALECTS) {
  describe(`jobs across processes (${dialect})`, () => {
    it('two server processes on one database: each periodic slot runs once, each queued job once, a killed worker’s job again', async () => {
      const fresh = await freshDatabase(dialect, 'jobs');
      let handle: DbHandle | undefined;
      const servers: ServerProcess[] = [];
      try {
        handle = createDb(fresh.url, { poolSize: 2 });
        await migrateToLatest(handle.db, handle.dialect);
        const deps = { db: handle.db, dialect: handle.dialect, clock: systemClock, logger: createLogger('silent') };
        const queue = createJobQueue(deps);
        const ids: string[] = [];
        for (let i = 0; i < 30; i++) ids.push((await queue.enqueue(PING_JOB, { sleepMs: 20 }))!);

        servers.push(...(await Promise.all([startServerProcess({ databaseUrl: fresh.url, env: ENV }), startServerProcess({ databaseUrl: fresh.url, env: ENV })])));
        const done = await waitFor(async () => {
          const jobs = await Promise.all(ids.map((id) => queue.get(id)));
          return jobs.every((j) => j?.state === 'completed') ? jobs : undefined;
        }, undefined, 60_000);
        // Each queued job ran exactly once: one attempt, completed, by one of the two processes.
        for (const job of done) expect(job).toMatchObject({ state: 'completed', attempts: 1, lastError: null });
        const workers = new Set(done.map((j) => (j!.result as { worker: string }).worker.split(':')[1]));
        for (const w of workers) expect(servers.map((s) => String(s.pid))).toContain(w);

        // Let both processes compete for a few periodic slots.
        await new Promise((r) => setTimeout(r, SLOT_MS * 6));
        const runs = await handle.db.selectFrom('job_runs').select(['slot', 'owner', 'finished_at', 'error']).where('job', '=', 'pool-sweep').orderBy('slot').execute();
        expect(runs.length).toBeGreaterThanOrEqual(4);
        const slots = runs.map((r) => Date.parse(r.slot));
        expect(new Set(slots).size).toBe(slots.length); // once per slot
        // … and none was skipped: consecutive slots from the first to the last.
        expect((slots.at(-1)! - slots[0]!) / SLOT_MS + 1).toBe(slots.length);
        expect(runs.slice(0, -1).every((r) => r.finished_at !== null && r.error === null)).toBe(true);

        // A worker killed in the middle of a job: after the lease, the other process runs it again.
        const slow = (await queue.enqueue(PING_JOB, { sleepMs: 60_000 }, { leaseMs: 2000, retryDelayMs: 0, retryLimit: 3 }))!;
        const active = await waitFor(async () => ((await queue.get(slow))?.state === 'active' ? true : undefined), undefined, 30_000);
        expect(active).toBe(true);
        // Kill both (we cannot tell which one holds it), then start a fresh one: it must pick the job up again.
        for (const s of servers.splice(0)) {
          process.kill(s.pid, 'SIGKILL');
          await s.stop();
        }
        servers.push(await startServerProcess({ databaseUrl: fresh.url, env: ENV }));
        const rerun = await waitFor(async () => {
          const j = await queue.get(slow);
          return j && j.attempts >= 2 ? j : undefined;
        }, undefined, 60_000);
        expect(rerun.attempts).toBeGreaterThanOrEqual(2);
        await queue.stop();
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
        await handle?.destroy();
        await fresh.drop();
      }
    }, 180_000);
  });
}
