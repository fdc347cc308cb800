import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { TJobState } from '@guanxi/common/jobs';
import type { Db } from '../../db/database';
import { readTimestamp } from '../../db/dialect';
import type { Logger } from '../logger';
import { DEFAULTS, errorMessage, JOB_RETENTION_MS, type EnqueueOptions, type JobHandler, type JobListQuery, type JobQueue, type JobRecord } from './job-types';

export type PgBossQueueOptions = {
  /** How often an idle worker asks for work (default 1 s). */
  pollSeconds?: number;
  /** How often pg-boss expires leases and archives (default 30 s). */
  maintenanceSeconds?: number;
  /** How long stop() waits for running jobs (default 10 s); pg-boss then fails them so they are retried. */
  stopTimeoutMs?: number;
  /** Run pg-boss's maintenance (lease expiry, archiving) in this process (default true; false with JOBS=off). */
  supervise?: boolean;
};

/** What we keep in pg-boss's `data`: the tenant next to the payload, so the admin list can filter by tenant. */
type Envelope = { t: string | null; d: unknown };

const STATE: Record<string, TJobState> = { created: 'queued', retry: 'queued', active: 'active', completed: 'completed', failed: 'failed', cancelled: 'cancelled' };
const FROM_STATE: Record<TJobState, string[]> = { queued: ['created', 'retry'], active: ['active'], completed: ['completed'], failed: ['failed'], cancelled: ['cancelled'] };

/** pg-boss talks to the database through Kysely's pool: no second pool, and test databases just work. */
function adapter(db: Kysely<any>): PgBoss.Db {
  return { executeSql: async (text, values) => db.executeQuery(CompiledQuery.raw(text, values ?? [])) as Promise<{ rows: any[] }> };
}

type BossRow = {
  id: string; name: string; data: Envelope | null; state: string; retry_limit: number; retry_count: number; singleton_key: string | null;
  start_after: Date; started_on: Date | null; created_on: Date; completed_on: Date | null; output: Record<string, any> | null;
};

function toRecord(r: BossRow): JobRecord {
  const state = STATE[r.state] ?? 'queued';
  const out = r.output ?? null;
  const errored = r.state === 'failed' || (r.state === 'retry' && out !== null);
  return {
    id: r.id, name: r.name, tenantId: r.data?.t ?? null, state,
    attempts: r.started_on ? Number(r.retry_count) + 1 : 0, retryLimit: Number(r.retry_limit), singletonKey: r.singleton_key,
    runAt: readTimestamp(r.start_after), createdAt: readTimestamp(r.created_on), startedAt: readTimestamp(r.started_on, true),
    finishedAt: state === 'completed' || state === 'failed' || state === 'cancelled' ? readTimestamp(r.completed_on, true) : null,
    lastError: errored ? String(out?.message ?? out?.value ?? 'failed') : null,
    progress: (out?.progress as Record<string, unknown> | undefined) ?? null,
    result: state === 'completed' ? (out?.result ?? null) : null,
  };
}

const COLUMNS = sql`id, name, data, state::text as state, retry_limit, retry_count, singleton_key, start_after, started_on, created_on, completed_on, output`;

/**
 * The PostgreSQL backend: pg-boss (its own `pgboss` schema in the same database). Its SKIP LOCKED fetch hands each
 * job to exactly one of any number of app processes; an active job past its expiry (the lease) is retried by
 * pg-boss's maintenance, which also archives finished jobs.
 */
export function createPgBossQueue(deps: { db: Db; logger: Logger }, options: PgBossQueueOptions = {}): JobQueue {
  const { db, logger } = deps;
  const boss = new PgBoss({
    db: adapter(db), schema: 'pgboss', migrate: true, supervise: options.supervise ?? true, schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30, pollingIntervalSeconds: options.pollSeconds ?? 1,
    // Finished and failed jobs stay in pgboss.job (listed, retryable) as long as the SQLite queue keeps them; pg-boss's
    // default archives them after 12 hours, failed ones included, where the Jobs page no longer sees them.
    archiveCompletedAfterSeconds: JOB_RETENTION_MS / 1000, archiveFailedAfterSeconds: JOB_RETENTION_MS / 1000,
  });
  boss.on('error', (err: unknown) => logger.error('pg-boss error', { error: errorMessage(err) }));
  const handlers = new Map<string, JobHandler>();
  const queues = new Map<string, Promise<void>>();
  let ready: Promise<unknown> | undefined;
  let started = false;

  const ensureReady = () => (ready ??= boss.start().catch((err: unknown) => {
    ready = undefined;
    throw err;
  }));
  async function ensureQueue(name: string) {
    await ensureReady();
    if (!queues.has(name)) queues.set(name, boss.createQueue(name).catch((err: unknown) => {
      queues.delete(name);
      throw err;
    }));
    await queues.get(name);
  }
  async function row(id: string): Promise<BossRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    await ensureReady();
    const res = await sql<BossRow>`select ${COLUMNS} from pgboss.job where id = ${id}::uuid`.execute(db);
    return res.rows[0];
  }

  async function register(name: string, handler: JobHandler) {
    await ensureQueue(name);
    await boss.work<Envelope>(name, { batchSize: 1, includeMetadata: true }, async ([job]) => {
      if (!job) return null;
      let progress: Record<string, unknown> | null = null;
      const result = await handler(job.data?.d ?? null, {
        id: job.id, attempt: Number(job.retryCount) + 1, tenantId: job.data?.t ?? null,
        reportProgress: async (p) => {
          progress = p;
          await sql`update pgboss.job set output = ${JSON.stringify({ progress: p })}::jsonb
            where name = ${name} and id = ${job.id}::uuid and state = 'active'`.execute(db);
        },
      });
      return { result: result ?? null, progress };
    });
  }

  return {
    backend: 'pg-boss',
    async enqueue(name: string, data: unknown, opts: EnqueueOptions = {}) {
      await ensureQueue(name);
      const envelope: Envelope = { t: opts.tenantId ?? null, d: data ?? null };
      const sendOptions: PgBoss.SendOptions = {
        startAfter: opts.runAt, singletonKey: opts.singletonKey, retryLimit: opts.retryLimit ?? DEFAULTS.retryLimit,
        retryDelay: Math.ceil((opts.retryDelayMs ?? DEFAULTS.retryDelayMs) / 1000),
        expireInSeconds: Math.max(1, Math.ceil((opts.leaseMs ?? DEFAULTS.leaseMs) / 1000)),
      };
      if (!opts.singletonKey) return boss.send(name, envelope, sendOptions);
      // pg-boss's standard queues do not deduplicate by key; an advisory lock per (name, key) makes
      // "check, then insert" atomic across processes.
      return db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`guanxi-job:${name}:${opts.singletonKey}`}))`.execute(trx);
        const open = await sql`select 1 from pgboss.job where name = ${name} and singleton_key = ${opts.singletonKey}
          and state in ('created', 'retry', 'active') limit 1`.execute(trx);
        if (open.rows.length) return null;
        return boss.send(name, envelope, { ...sendOptions, db: adapter(trx) });
      });
    },
    work(name, handler) {
      handlers.set(name, handler);
      if (started) void register(name, handler).catch((err: unknown) => logger.error('job worker failed to start', { job: name, error: errorMessage(err) }));
    },
    async start() {
      await ensureReady();
      started = true;
      for (const [name, handler] of handlers) await register(name, handler);
    },
    async stop() {
      if (!ready) return;
      started = false;
      await ready.catch(() => undefined);
      await boss.stop({ graceful: true, close: false, timeout: options.stopTimeoutMs ?? 10_000 });
      ready = undefined;
    },
    async get(id) {
      const r = await row(id);
      return r ? toRecord(r) : undefined;
    },
    async list(q: JobListQuery) {
      await ensureReady();
      const conditions = [q.includeSystem ? sql`(data->>'t' = ${q.tenantId} or data->>'t' is null)` : sql`data->>'t' = ${q.tenantId}`];
      if (q.state) conditions.push(sql`state::text in (${sql.join(FROM_STATE[q.state])})`);
      if (q.name) conditions.push(sql`name = ${q.name}`);
      const where = sql.join(conditions, sql` and `);
      const [rows, count] = await Promise.all([
        sql<BossRow>`select ${COLUMNS} from pgboss.job where ${where} order by created_on desc, id desc
          limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db),
        sql<{ n: number }>`select count(*)::int as n from pgboss.job where ${where}`.execute(db),
      ]);
      return { items: rows.rows.map(toRecord), total: Number(count.rows[0]?.n ?? 0) };
    },
    async cancel(id) {
      const r = await row(id);
      if (!r || (r.state !== 'created' && r.state !== 'retry')) return false;
      const res = await sql`update pgboss.job set state = 'cancelled', completed_on = now()
        where name = ${r.name} and id = ${id}::uuid and state in ('created', 'retry')`.execute(db);
      return Number(res.numAffectedRows ?? 0) > 0;
    },
    async retry(id) {
      const r = await row(id);
      if (!r || (r.state !== 'failed' && r.state !== 'cancelled')) return false;
      // A fresh retry budget, as on SQLite: the attempt counter starts again.
      // Not while another job with the same singleton key waits or runs.
      const res = await sql`update pgboss.job j set state = 'retry', retry_count = 0, started_on = null, completed_on = null,
        start_after = now() where j.name = ${r.name} and j.id = ${id}::uuid and j.state in ('failed', 'cancelled')
        and not exists (select 1 from pgboss.job o where o.name = j.name and o.singleton_key = j.singleton_key
          and o.state in ('created', 'retry', 'active') and o.id <> j.id)`.execute(db);
      return Number(res.numAffectedRows ?? 0) > 0;
    },
  };
}
