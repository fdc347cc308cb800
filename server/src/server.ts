import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import type { Config } from './config';
import { createDb } from './db/create-db';
import { migrateToLatest } from './db/migrate';
import { systemClock, type Clock } from './lib/clock';
import { createLogger } from './lib/logger';
import { loadOrCreateSecret } from './lib/secret';

export type RunningServer = { url: string; port: number; close(): Promise<void> };

/** main: open the database → migrate → serve. Used by `guanxi serve`, the e2e tests and the bench. */
export async function startServer(config: Config, options: { clock?: Clock } = {}): Promise<RunningServer> {
  const logger = createLogger(config.LOG_LEVEL);
  const handle = createDb(config.DATABASE_URL);
  const applied = await migrateToLatest(handle.db, handle.dialect);
  if (applied.length) logger.info('migrations applied', { count: applied.length, dialect: handle.dialect });
  const secret = await loadOrCreateSecret(handle.db, config.GUANXI_SECRET);
  const app = createApp({ db: handle.db, dialect: handle.dialect, config, clock: options.clock ?? systemClock, logger, secret });

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
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.destroy();
    },
  };
}
