import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import type { Config } from './config';
import { createDb } from './db/create-db';
import { migrateToLatest } from './db/migrate';
import { systemClock, type Clock } from './lib/clock';
import { createLogger } from './lib/logger';
import { loadOrCreateSecret } from './lib/secret';
import { createScheduler } from './lib/scheduler';
import { sendPendingEmails } from './lib/email-outbox';
import { closeJobQueue, jobQueueFor } from './lib/jobs';
import { registerBackgroundJobs } from './lib/jobs/background-jobs';
import { DATA_QUALITY_SCAN_JOB, dataQualityScanHandler, enqueueDataQualityScans } from './features/data-quality/data-quality.service';
import { runPoolSweep } from './features/pools/pool-sweep';
import { runCompletenessRecompute } from './features/settings/settings.service';
import { runTaskReminders } from './features/tasks/task-reminders';
import { runTaskSeries } from './features/tasks/task-series.service';
import { runFollowupSop } from './features/followups/followup-sop.service';
import { kickImports, stopImports } from './features/imports/import-runner';
import { kickExports, stopExports } from './features/exports/exports.service';
import { refreshPlannerStatistics } from './db/planner-statistics';

export type RunningServer = {
  url: string;
  port: number;
  /** Runs the periodic jobs whose slot is due now (tests with an injectable clock call it after moving time). */
  runJobs(): Promise<string[]>;
  close(): Promise<void>;
};

/** main: open the database → migrate → serve. Used by `guanxi serve`, the e2e tests and the bench. */
export async function startServer(config: Config, options: { clock?: Clock } = {}): Promise<RunningServer> {
  const logger = createLogger(config.LOG_LEVEL);
  const handle = createDb(config.DATABASE_URL);
  const applied = await migrateToLatest(handle.db, handle.dialect);
  if (applied.length) logger.info('migrations applied', { count: applied.length, dialect: handle.dialect });
  const secret = await loadOrCreateSecret(handle.db, config.GUANXI_SECRET);
  const clock = options.clock ?? systemClock;
  const app = createApp({ db: handle.db, dialect: handle.dialect, config, clock, logger, secret });
  const scheduler = createScheduler({ db: handle.db, dialect: handle.dialect, clock, logger }, [
    { name: 'pool-sweep', everyMs: config.POOL_SWEEP_MINUTES * 60_000, run: (now) => runPoolSweep({ db: handle.db, dialect: handle.dialect, clock }, now) },
    // Resumes a completeness recompute that a restart interrupted.
    { name: 'completeness-recompute', everyMs: 5 * 60_000, run: () => runCompletenessRecompute({ db: handle.db, dialect: handle.dialect, clock, logger }) },
    // Notification e-mails (when SMTP_URL is set): the outbox notify() fills.
    { name: 'email-outbox', everyMs: config.EMAIL_OUTBOX_SECONDS * 1000, run: (now) => sendPendingEmails({ db: handle.db, dialect: handle.dialect, clock, logger }, config, now) },
    // Each due reminder fires once: claimed together with its notification (docs/decisions/017).
    { name: 'task-reminders', everyMs: config.TASK_REMINDER_SECONDS * 1000, run: (now) => runTaskReminders({ db: handle.db, dialect: handle.dialect, clock }, now) },
    { name: 'task-series', everyMs: 60 * 60_000, run: (now) => runTaskSeries({ db: handle.db, dialect: handle.dialect, clock }, now) },
    { name: 'followup-sop', everyMs: 60 * 60_000, run: (now) => runFollowupSop({ db: handle.db, dialect: handle.dialect, clock }, now) },
    // Resumes imports another process left (crash, restart) once their lease expires; the runner works in the background.
    { name: 'imports', everyMs: 60_000, run: async () => kickImports({ db: handle.db, dialect: handle.dialect, clock, logger, config, secret }) },
    { name: 'exports', everyMs: 60_000, run: async () => kickExports({ db: handle.db, dialect: handle.dialect, clock, logger, config, secret }) },
    // The data-quality centre's findings, recomputed for every company at night (02:00 China time): queued scans.
    { name: 'data-quality-nightly', everyMs: 24 * 60 * 60_000, offsetMs: 18 * 60 * 60_000, run: () => enqueueDataQualityScans({ db: handle.db, dialect: handle.dialect, clock, logger }) },
    // SQLite's planner statistics (PostgreSQL's autovacuum keeps its own): daily, the first run soon after start.
    ...(handle.dialect === 'sqlite'
      ? [{ name: 'planner-statistics', everyMs: 24 * 60 * 60_000, run: async () => { await refreshPlannerStatistics(handle.db, handle.dialect); } }]
      : []),
  ]);
  // Background (queued) jobs: one queue per database — a polled table on SQLite, pg-boss on PostgreSQL.
  const jobs = jobQueueFor({ db: handle.db, dialect: handle.dialect, clock, logger }, {
    pollMs: config.JOBS_POLL_MS, maintenanceSeconds: config.JOBS_MAINTENANCE_SECONDS, supervise: config.JOBS === 'on',
  });
  registerBackgroundJobs(jobs, [
    [DATA_QUALITY_SCAN_JOB, dataQualityScanHandler({ db: handle.db, dialect: handle.dialect, clock })],
  ]);
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  // Jobs start once the server answers: a first sweep over a large database must not keep it from listening.
  if (config.JOBS === 'on') {
    scheduler.start(config.SCHEDULER_TICK_SECONDS * 1000);
    await jobs.start();
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  logger.info('Guanxi CRM is listening', { url, dialect: handle.dialect });
  return {
    url,
    port,
    runJobs: () => scheduler.runDue(),
    close: async () => {
      await scheduler.stop();
      await closeJobQueue(handle.db);
      await stopImports(handle.db);
      await stopExports(handle.db);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.destroy();
    },
  };
}
