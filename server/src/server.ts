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
import { runPoolSweep } from './features/pools/pool-sweep';
import { runCompletenessRecompute } from './features/settings/settings.service';

export type RunningServer = { url: string; port: number; close(): Promise<void> };

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
  ]);
  if (config.JOBS === 'on') scheduler.start();

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  logger.info('Guanxi CRM is listening', { url, dialect: handle.dialect });
  return {
    url,
    port,
    close: async () => {
      await scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.destroy();
    },
  };
}
