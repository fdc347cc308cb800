import { hostname } from 'node:os';
import type { Db } from '../db/database';
import { dbJson, type DialectName } from '../db/dialect';
import type { Clock } from './clock';
import { randomToken } from './crypto';
import type { Logger } from './logger';

/**
 * A periodic job: runs once per `everyMs` slot. Slots start at multiples of `everyMs` since the epoch (UTC), shifted
 * by `offsetMs`: a daily job with `offsetMs: 18 h` runs from 18:00 UTC, 02:00 China time.
 */
export type ScheduledJob = { name: string; everyMs: number; offsetMs?: number; run(now: Date): Promise<unknown> };
type SchedulerDeps = { db: Db; dialect: DialectName; clock: Clock; logger: Logger };
const RUN_LOG_DAYS = 14;

const PERIODIC = new WeakMap<Db, Array<Pick<ScheduledJob, 'name' | 'everyMs'>>>();

/** The periodic jobs a scheduler on this database was made with (the Jobs admin page lists them). */
export function periodicJobsOf(db: Db): Array<Pick<ScheduledJob, 'name' | 'everyMs'>> {
  return PERIODIC.get(db) ?? [];
}

/**
 * Runs periodic jobs once per time slot across all processes sharing the database: each process that wakes up
 * tries to insert (job, slot) into job_runs; the unique key lets exactly one insert win, and only the winner runs
 * the slot. Works the same in the embedded SQLite setup and on PostgreSQL with many app processes.
 */
export function createScheduler(deps: SchedulerDeps, jobs: ScheduledJob[], owner = `${hostname()}:${process.pid}:${randomToken(4)}`) {
  PERIODIC.set(deps.db, jobs.map(({ name, everyMs }) => ({ name, everyMs })));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  let prunedAt = 0;
  /** job_runs is a run log: slots older than RUN_LOG_DAYS are deleted (per job, along the primary key), every 6 h. */
  async function prune(now: Date) {
    if (now.getTime() - prunedAt < 6 * 3600_000) return;
    prunedAt = now.getTime();
    const cutoff = new Date(now.getTime() - RUN_LOG_DAYS * 24 * 3600_000).toISOString();
    for (const job of jobs) await deps.db.deleteFrom('job_runs').where('job', '=', job.name).where('slot', '<', cutoff).execute();
  }

  async function runDue(now = deps.clock.now()): Promise<string[]> {
    await prune(now);
    const ran: string[] = [];
    for (const job of jobs) {
      const offset = job.offsetMs ?? 0;
      const slot = new Date(Math.floor((now.getTime() - offset) / job.everyMs) * job.everyMs + offset).toISOString();
      const claimed = await deps.db
        .insertInto('job_runs')
        .values({ job: job.name, slot, owner, started_at: now.toISOString(), finished_at: null, error: null, result: null })
        .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
        .returning('job')
        .executeTakeFirst();
      if (!claimed) continue;
      ran.push(job.name);
      try {
        const result = await job.run(now);
        await deps.db.updateTable('job_runs').set({ finished_at: deps.clock.now().toISOString(), result: dbJson(deps.dialect, result ?? null) })
          .where('job', '=', job.name).where('slot', '=', slot).execute();
      } catch (err) {
        deps.logger.error('scheduled job failed', { job: job.name, slot, error: err instanceof Error ? err.message : String(err) });
        await deps.db.updateTable('job_runs').set({ finished_at: deps.clock.now().toISOString(), error: err instanceof Error ? err.message : String(err) })
          .where('job', '=', job.name).where('slot', '=', slot).execute();
      }
    }
    return ran;
  }

  return {
    runDue,
    start(tickMs = 30_000) {
      const tick = () => {
        running = running.then(() => runDue().then(() => undefined)).catch((err: unknown) => {
          deps.logger.error('scheduler tick failed', { error: err instanceof Error ? err.message : String(err) });
        });
      };
      tick();
      timer = setInterval(tick, tickMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
