import { z } from 'zod';
import { ZPageQuery } from './pagination';

/** States of a background job (the same on SQLite and PostgreSQL). */
export const JOB_STATES = ['queued', 'active', 'completed', 'failed', 'cancelled'] as const;
export type TJobState = (typeof JOB_STATES)[number];

/** A background job as the admin page shows it. `system` jobs belong to no tenant: only name and state are shown. */
export const ZJob = z.object({
  id: z.string(),
  name: z.string(),
  system: z.boolean(),
  state: z.enum(JOB_STATES),
  attempts: z.number().int(),
  retryLimit: z.number().int(),
  runAt: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  progress: z.record(z.string(), z.unknown()).nullable(),
  result: z.unknown().nullable(),
});
export type TJob = z.infer<typeof ZJob>;

export const ZJobsQuery = ZPageQuery.pick({ page: true, pageSize: true }).extend({
  state: z.enum(JOB_STATES).optional(),
  name: z.string().trim().max(100).optional(),
});
export type TJobsQuery = z.infer<typeof ZJobsQuery>;

export const ZJobsPage = z.object({
  items: z.array(ZJob),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/**
 * A periodic job (runs once per time slot across all processes) with its latest run. Periodic jobs are system work
 * over every tenant, so their results and error messages are not shown to tenant admins (the server log has them).
 */
export const ZPeriodicJob = z.object({
  name: z.string(),
  everyMs: z.number().int().nullable(),
  lastSlot: z.string().nullable(),
  lastStartedAt: z.string().nullable(),
  lastFinishedAt: z.string().nullable(),
  lastStatus: z.enum(['running', 'succeeded', 'failed']).nullable(),
});
export type TPeriodicJob = z.infer<typeof ZPeriodicJob>;
export const ZPeriodicJobs = z.object({ items: z.array(ZPeriodicJob) });

/** Queue the diagnostics job, optionally for later (to check scheduled work is picked up on time). */
export const ZPingRequest = z.object({ delaySeconds: z.number().int().min(0).max(86_400).optional() });
export type TPingRequest = z.infer<typeof ZPingRequest>;

/** Notification e-mails of the tenant by state, with the latest failures (the Jobs page). */
export const ZEmailOutboxSummary = z.object({
  smtpConfigured: z.boolean(),
  counts: z.object({ pending: z.number().int(), sending: z.number().int(), sent: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
  recentFailures: z.array(z.object({ id: z.string(), userName: z.string(), type: z.string(), attempts: z.number().int(), error: z.string().nullable(), createdAt: z.string() })),
});
export type TEmailOutboxSummary = z.infer<typeof ZEmailOutboxSummary>;

/**
 * An import or export of the tenant as the Jobs page shows it. They run on their own leased runners (decision 024),
 * not as queue jobs, so the page lists them beside the queue: state, progress, who started it, the error.
 */
export const TRANSFER_KINDS = ['import', 'export'] as const;
export const ZTransferRun = z.object({
  kind: z.enum(TRANSFER_KINDS),
  id: z.string(),
  /** What is moved: customers, contacts… */
  type: z.string(),
  fileName: z.string(),
  format: z.string(),
  /** uploaded (imports not started yet), queued, running, done, failed, cancelled. */
  status: z.string(),
  total: z.number().int().nullable(),
  processed: z.number().int(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type TTransferRun = z.infer<typeof ZTransferRun>;
export const ZTransferRunsQuery = ZPageQuery.pick({ page: true, pageSize: true }).extend({
  kind: z.enum(TRANSFER_KINDS).optional(),
});
export type TTransferRunsQuery = z.infer<typeof ZTransferRunsQuery>;
export const ZTransferRunsPage = z.object({ items: z.array(ZTransferRun), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
