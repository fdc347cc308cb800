import type { TEmailOutboxSummary, TJob, TJobsQuery, TPeriodicJob, TPingRequest, TTransferRun, TTransferRunsQuery } from '@guanxi/common/jobs';
import { readTimestamp } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { jobQueueFor, type JobRecord } from '../../lib/jobs';
import { PING_JOB } from '../../lib/jobs/background-jobs';
import { periodicJobsOf } from '../../lib/scheduler';
import { offsetOf, pageOf } from '../../lib/pagination';
import { pageTransferRuns } from './jobs.repository';

/** A job as a tenant admin sees it: everything for their own jobs; for system jobs only name, state and times. */
function toJob(actor: Actor, r: JobRecord): TJob {
  const own = r.tenantId === actor.tenantId;
  return {
    id: r.id, name: r.name, system: r.tenantId === null, state: r.state, attempts: r.attempts, retryLimit: r.retryLimit,
    runAt: r.runAt, createdAt: r.createdAt, startedAt: r.startedAt, finishedAt: r.finishedAt,
    lastError: own ? r.lastError : null, progress: own ? r.progress : null, result: own ? (r.result ?? null) : null,
  };
}

/** One of the tenant's own jobs, or 404 (another tenant's and system jobs cannot be read, retried or cancelled). */
async function ownJob(deps: AppDeps, actor: Actor, id: string): Promise<JobRecord> {
  const job = await jobQueueFor(deps).get(id);
  if (!job || job.tenantId !== actor.tenantId) throw new AppError('NOT_FOUND');
  return job;
}

export async function listJobs(deps: AppDeps, actor: Actor, q: TJobsQuery) {
  assertCan(actor, 'settings', 'manage');
  const { items, total } = await jobQueueFor(deps).list({ tenantId: actor.tenantId, includeSystem: true, state: q.state, name: q.name, page: q.page, pageSize: q.pageSize });
  return pageOf(items.map((r) => toJob(actor, r)), total, q);
}

/** The tenant's imports and exports, newest first, with state and progress (admins; the whole tenant). */
export async function listTransferRuns(deps: AppDeps, actor: Actor, q: TTransferRunsQuery) {
  assertCan(actor, 'settings', 'manage');
  const { rows, total } = await pageTransferRuns(deps.db, actor.tenantId, { kind: q.kind, limit: q.pageSize, offset: offsetOf(q) });
  const items = rows.map((r): TTransferRun => ({
    kind: r.kind as TTransferRun['kind'], id: r.id, type: r.type, fileName: r.file_name, format: r.format, status: r.status,
    total: r.total === null ? null : Number(r.total), processed: Number(r.processed), createdBy: r.created_by, createdByName: r.created_by_name,
    createdAt: readTimestamp(r.created_at), finishedAt: readTimestamp(r.finished_at, true), error: r.error,
  }));
  return pageOf(items, total, q);
}

export async function getJob(deps: AppDeps, actor: Actor, id: string): Promise<TJob> {
  assertCan(actor, 'settings', 'manage');
  return toJob(actor, await ownJob(deps, actor, id));
}

export async function retryJob(deps: AppDeps, actor: Actor, id: string): Promise<TJob> {
  assertCan(actor, 'settings', 'manage');
  const job = await ownJob(deps, actor, id);
  if (!(await jobQueueFor(deps).retry(id))) throw new AppError('UNPROCESSABLE', [{ field: 'state', rule: 'job_not_retryable', params: { state: job.state } }]);
  await recordAudit(deps, actor, { entity: 'job', entityId: id, action: 'retry', changes: [{ field: 'state', from: job.state, to: 'queued' }] });
  return toJob(actor, (await jobQueueFor(deps).get(id))!);
}

export async function cancelJob(deps: AppDeps, actor: Actor, id: string): Promise<TJob> {
  assertCan(actor, 'settings', 'manage');
  const job = await ownJob(deps, actor, id);
  if (!(await jobQueueFor(deps).cancel(id))) throw new AppError('UNPROCESSABLE', [{ field: 'state', rule: 'job_not_cancellable', params: { state: job.state } }]);
  await recordAudit(deps, actor, { entity: 'job', entityId: id, action: 'cancel', changes: [{ field: 'state', from: job.state, to: 'cancelled' }] });
  return toJob(actor, (await jobQueueFor(deps).get(id))!);
}

/** Queues the diagnostics job for this tenant: shows whether (and which) worker picks work up. */
export async function pingWorkers(deps: AppDeps, actor: Actor, input: TPingRequest = {}): Promise<TJob> {
  assertCan(actor, 'settings', 'manage');
  const runAt = new Date(deps.clock.now().getTime() + (input.delaySeconds ?? 0) * 1000);
  const id = (await jobQueueFor(deps).enqueue(PING_JOB, {}, { tenantId: actor.tenantId, retryLimit: 0, runAt }))!;
  await recordAudit(deps, actor, { entity: 'job', entityId: id, action: 'create', changes: [{ field: 'name', from: null, to: PING_JOB }] });
  return toJob(actor, (await jobQueueFor(deps).get(id))!);
}

/** Periodic jobs (system-wide) with their latest slot: name, when and whether it succeeded — no results or errors. */
export async function listPeriodicJobs(deps: AppDeps, actor: Actor): Promise<{ items: TPeriodicJob[] }> {
  assertCan(actor, 'settings', 'manage');
  const known = periodicJobsOf(deps.db);
  const seen = await deps.db.selectFrom('job_runs').select('job').distinct().execute();
  const names = [...new Set([...known.map((j) => j.name), ...seen.map((r) => r.job)])].sort();
  const items = await Promise.all(names.map(async (name): Promise<TPeriodicJob> => {
    const last = await deps.db.selectFrom('job_runs').selectAll().where('job', '=', name).orderBy('slot', 'desc').limit(1).executeTakeFirst();
    const everyMs = known.find((j) => j.name === name)?.everyMs ?? null;
    const status = !last ? null : !last.finished_at ? 'running' : last.error ? 'failed' : 'succeeded';
    return {
      name, everyMs, lastSlot: last?.slot ?? null, lastStartedAt: readTimestamp(last?.started_at, true),
      lastFinishedAt: readTimestamp(last?.finished_at, true), lastStatus: status,
    };
  }));
  return { items };
}

/** The tenant's notification e-mails by state and the latest failures (is mail going out?). */
export async function emailOutboxSummary(deps: AppDeps, actor: Actor): Promise<TEmailOutboxSummary> {
  assertCan(actor, 'settings', 'manage');
  const [byState, failures] = await Promise.all([
    deps.db.selectFrom('email_outbox').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).where('tenant_id', '=', actor.tenantId).groupBy('state').execute(),
    deps.db.selectFrom('email_outbox as o').innerJoin('users as u', 'u.id', 'o.user_id').innerJoin('notifications as n', 'n.id', 'o.notification_id')
      .select(['o.id', 'u.name', 'n.type', 'o.attempts', 'o.last_error', 'o.created_at'])
      .where('o.tenant_id', '=', actor.tenantId).where('o.state', '=', 'failed').orderBy('o.created_at', 'desc').limit(5).execute(),
  ]);
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
  for (const r of byState) if (r.state in counts) counts[r.state as keyof typeof counts] = Number(r.n);
  return {
    smtpConfigured: !!deps.config.SMTP_URL, counts,
    recentFailures: failures.map((f) => ({ id: f.id, userName: f.name, type: f.type, attempts: Number(f.attempts), error: f.last_error, createdAt: readTimestamp(f.created_at) })),
  };
}
