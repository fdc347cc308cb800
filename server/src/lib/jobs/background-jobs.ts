import { hostname } from 'node:os';
import type { JobQueue } from './job-types';

/** The diagnostics job: the Jobs admin page queues one to see that a worker picks work up, and which. */
export const PING_JOB = 'system-ping';

/**
 * The handlers of queued background jobs, registered in every process (startServer). Add an entry per job name;
 * enqueue with `jobQueueFor(deps).enqueue(name, data, { tenantId })`.
 */
export function registerBackgroundJobs(queue: JobQueue, extra: Array<[string, Parameters<JobQueue['work']>[1]]> = []): void {
  queue.work(PING_JOB, async (data: { sleepMs?: number } | null, ctx) => {
    const sleepMs = Math.min(Math.max(Number(data?.sleepMs ?? 0), 0), 10 * 60_000);
    if (sleepMs > 0) await new Promise((r) => setTimeout(r, sleepMs));
    return { worker: `${hostname()}:${process.pid}`, attempt: ctx.attempt };
  });
  for (const [name, handler] of extra) queue.work(name, handler);
}
