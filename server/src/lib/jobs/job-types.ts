import type { TJobState } from '@guanxi/common/jobs';

export type EnqueueOptions = {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** While a job with this name and key is queued or running, enqueueing another is a no-op (returns null). */
  singletonKey?: string;
  /** Retries after the first failure (default 2); then the job is failed with the last error. */
  retryLimit?: number;
  /** Wait before a retry, times the attempt number (default 5 s). */
  retryDelayMs?: number;
  /** How long a worker owns the job; a job whose worker died is run again after it (default 5 min). */
  leaseMs?: number;
  /** The tenant the job works for (shown to that tenant's admins); null for system work. */
  tenantId?: string | null;
};

export type JobContext = {
  id: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  tenantId: string | null;
  /** Stores progress on the job (readable through the API while it runs), e.g. `{ done: 400, total: 1000 }`. */
  reportProgress(progress: Record<string, unknown>): Promise<void>;
};

export type JobHandler<T = any> = (data: T, ctx: JobContext) => Promise<unknown>;

export type JobRecord = {
  id: string;
  name: string;
  tenantId: string | null;
  state: TJobState;
  attempts: number;
  retryLimit: number;
  singletonKey: string | null;
  runAt: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  lastError: string | null;
  progress: Record<string, unknown> | null;
  result: unknown;
};

export type JobListQuery = {
  tenantId: string;
  /** Also list jobs that belong to no tenant (system work). */
  includeSystem: boolean;
  state?: TJobState;
  name?: string;
  page: number;
  pageSize: number;
};

/**
 * The one job mechanism (docs/decisions/014-job-queue.md). Two backends behind it — a polled `jobs` table on
 * SQLite, pg-boss on PostgreSQL — and the rest of the code never knows which one runs.
 */
export interface JobQueue {
  readonly backend: 'sqlite' | 'pg-boss';
  /** Queues a job; the id, or null when `singletonKey` matched a waiting or running job. */
  enqueue(name: string, data: unknown, options?: EnqueueOptions): Promise<string | null>;
  /** Registers the handler of a job name (before start()). */
  work(name: string, handler: JobHandler): void;
  /** Starts running the registered handlers in this process. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for the running ones. */
  stop(): Promise<void>;
  get(id: string): Promise<JobRecord | undefined>;
  list(query: JobListQuery): Promise<{ items: JobRecord[]; total: number }>;
  /** Cancels a queued job; false when it is not queued. */
  cancel(id: string): Promise<boolean>;
  /** Queues a failed (or cancelled) job again with a fresh retry budget; false when it is in another state. */
  retry(id: string): Promise<boolean>;
}

export const DEFAULTS = { retryLimit: 2, retryDelayMs: 5_000, leaseMs: 5 * 60_000 } as const;

export function errorMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 2000);
}

/**
 * How long finished jobs (completed, failed, cancelled) stay on the Jobs page, where a failed one can be retried:
 * the SQLite queue deletes them afterwards, pg-boss moves them to its archive.
 */
export const JOB_RETENTION_MS = 14 * 24 * 3600_000;
