import { hostname } from 'node:os';
import type { Db } from '../../db/database';
import type { DialectName } from '../../db/dialect';
import type { Clock } from '../clock';
import { randomToken } from '../crypto';
import type { Logger } from '../logger';
import type { JobQueue } from './job-types';
import { createPgBossQueue } from './pg-boss-queue';
import { createSqliteQueue } from './sqlite-queue';

export type { EnqueueOptions, JobContext, JobHandler, JobQueue, JobRecord } from './job-types';

type Deps = { db: Db; dialect: DialectName; clock: Clock; logger: Logger };
export type JobQueueOptions = { owner?: string; pollMs?: number; maintenanceSeconds?: number; stopTimeoutMs?: number; supervise?: boolean };

/** A queue on the database's backend: the `jobs` table on SQLite, pg-boss on PostgreSQL. */
export function createJobQueue(deps: Deps, options: JobQueueOptions = {}): JobQueue {
  if (deps.dialect === 'postgres') {
    return createPgBossQueue(deps, { pollSeconds: Math.max(0.5, (options.pollMs ?? 1000) / 1000) /* pg-boss's minimum */, maintenanceSeconds: options.maintenanceSeconds, stopTimeoutMs: options.stopTimeoutMs, supervise: options.supervise });
  }
  return createSqliteQueue(deps, { owner: options.owner ?? `${hostname()}:${process.pid}:${randomToken(4)}`, pollMs: options.pollMs, stopTimeoutMs: options.stopTimeoutMs });
}

const QUEUES = new WeakMap<Db, JobQueue>();

/**
 * The process's queue for a database (one per database handle): services enqueue through it, the Jobs admin page
 * reads it, and `startServer` registers the handlers and starts it unless JOBS=off.
 */
export function jobQueueFor(deps: Deps, options: JobQueueOptions = {}): JobQueue {
  let queue = QUEUES.get(deps.db);
  if (!queue) {
    queue = createJobQueue(deps, options);
    QUEUES.set(deps.db, queue);
  }
  return queue;
}

/** Stops the database's queue, if one was made (before the database is closed). */
export async function closeJobQueue(db: Db): Promise<void> {
  const queue = QUEUES.get(db);
  QUEUES.delete(db);
  await queue?.stop();
}
