import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { dbJson, isUniqueViolation, readJson, readTimestamp, type DialectName } from '../../db/dialect';
import type { Clock } from '../clock';
import { newId } from '../ids';
import type { Logger } from '../logger';
import { DEFAULTS, errorMessage, JOB_RETENTION_MS, type EnqueueOptions, type JobHandler, type JobListQuery, type JobQueue, type JobRecord } from './job-types';
import type { TJobState } from '@guanxi/common/jobs';

type Deps = { db: Db; dialect: DialectName; clock: Clock; logger: Logger };
export type SqliteQueueOptions = { owner: string; pollMs?: number; concurrency?: number; stopTimeoutMs?: number };
type Row = Awaited<ReturnType<typeof selectJob>>;

function selectJob(db: Db, id: string) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

function toRecord(row: NonNullable<Row>): JobRecord {
  return {
    id: row.id, name: row.name, tenantId: row.tenant_id, state: row.state as TJobState, attempts: Number(row.attempts),
    retryLimit: Number(row.retry_limit), singletonKey: row.singleton_key, runAt: readTimestamp(row.run_at),
    createdAt: readTimestamp(row.created_at), startedAt: readTimestamp(row.started_at, true),
    finishedAt: readTimestamp(row.finished_at, true), lastError: row.last_error,
    progress: readJson<Record<string, unknown> | null>(row.progress, null), result: readJson<unknown>(row.result, null),
  };
}

/**
 * The embedded backend: a durable `jobs` table polled by this process. A claim is one UPDATE (SQLite runs one
 * writer at a time, so two processes on one file never claim the same row); the claim takes a lease that the
 * worker renews while it runs, and a job whose lease ran out (its process died) is claimed again.
 */
export function createSqliteQueue(deps: Deps, options: SqliteQueueOptions): JobQueue & { drain(): Promise<number> } {
  const { db, clock, logger } = deps;
  const handlers = new Map<string, JobHandler>();
  const running = new Set<Promise<void>>();
  const pollMs = options.pollMs ?? 1000;
  const concurrency = options.concurrency ?? 4;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  const iso = (d: Date) => d.toISOString();

  async function claim(): Promise<NonNullable<Row> | undefined> {
    const names = [...handlers.keys()];
    if (names.length === 0) return undefined;
    const now = iso(clock.now());
    // A job whose worker died on its last allowed attempt is failed, not run once more.
    await db.updateTable('jobs')
      .set({ state: 'failed', last_error: 'lease expired: the worker stopped', finished_at: now, locked_by: null, lease_until: null })
      .where('state', '=', 'active').where('lease_until', '<', now).where(sql<boolean>`attempts > retry_limit`).execute();
    const due = db.selectFrom('jobs').select('id').where('name', 'in', names)
      .where((eb) => eb.or([
        eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', now)]),
        eb.and([eb('state', '=', 'active'), eb('lease_until', '<', now)]),
      ]))
      .orderBy('run_at').limit(1);
    return db.updateTable('jobs')
      .set((eb) => ({
        state: 'active', locked_by: options.owner, attempts: eb('attempts', '+', 1), started_at: now,
        lease_until: sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', ${now}, '+' || (lease_ms / 1000.0) || ' seconds')`,
      }))
      .where('id', '=', (eb) => eb.selectFrom(due.as('d')).select('d.id'))
      .returningAll()
      .executeTakeFirst();
  }

  async function run(row: NonNullable<Row>): Promise<void> {
    const handler = handlers.get(row.name)!;
    const mine = () => db.updateTable('jobs').where('id', '=', row.id).where('locked_by', '=', options.owner).where('state', '=', 'active');
    const renew = async () => {
      await mine().set({ lease_until: iso(new Date(clock.now().getTime() + Number(row.lease_ms))) }).execute();
    };
    const heartbeat = setInterval(() => void renew().catch(() => undefined), Math.max(1000, Number(row.lease_ms) / 3));
    heartbeat.unref();
    try {
      const result = await handler(readJson(row.data, null), {
        id: row.id, attempt: Number(row.attempts), tenantId: row.tenant_id,
        reportProgress: async (progress) => {
          await mine().set({ progress: dbJson(deps.dialect, progress), lease_until: iso(new Date(clock.now().getTime() + Number(row.lease_ms))) }).execute();
        },
      });
      await mine().set({ state: 'completed', result: dbJson(deps.dialect, result ?? null), finished_at: iso(clock.now()), locked_by: null, lease_until: null }).execute();
    } catch (err) {
      const message = errorMessage(err);
      logger.warn('job failed', { job: row.name, id: row.id, attempt: Number(row.attempts), error: message });
      const retry = Number(row.attempts) <= Number(row.retry_limit);
      const now = clock.now();
      await mine().set(retry
        ? { state: 'queued', last_error: message, locked_by: null, lease_until: null, run_at: iso(new Date(now.getTime() + Number(row.retry_delay_ms) * Number(row.attempts))) }
        : { state: 'failed', last_error: message, locked_by: null, lease_until: null, finished_at: iso(now) }).execute();
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Claims and starts due jobs up to the concurrency; true when it started at least one. */
  async function tick(): Promise<boolean> {
    let started = false;
    while (running.size < concurrency) {
      const row = await claim();
      if (!row) break;
      started = true;
      const p: Promise<void> = run(row).catch((err: unknown) => logger.error('job runner failed', { id: row.id, error: errorMessage(err) }))
        .finally(() => {
          running.delete(p);
          if (!stopped) void safeTick();
        });
      running.add(p);
    }
    return started;
  }
  let purgedAt = 0;
  /** Finished jobs are kept for JOB_RETENTION_MS (the admin page shows them), then deleted, at most once an hour. */
  async function purge() {
    const now = clock.now().getTime();
    if (now - purgedAt < 3600_000) return;
    purgedAt = now;
    await db.deleteFrom('jobs').where('state', 'in', ['completed', 'cancelled', 'failed'])
      .where('finished_at', '<', iso(new Date(now - JOB_RETENTION_MS))).execute();
  }
  let ticking: Promise<unknown> = Promise.resolve();
  function safeTick() {
    ticking = ticking.then(purge).then(tick).catch((err: unknown) => logger.error('job poll failed', { error: errorMessage(err) }));
    return ticking;
  }

  return {
    backend: 'sqlite',
    async enqueue(name: string, data: unknown, opts: EnqueueOptions = {}) {
      const id = newId();
      const now = clock.now();
      const inserted = await db.insertInto('jobs').values({
        id, tenant_id: opts.tenantId ?? null, name, data: dbJson(deps.dialect, data ?? null), state: 'queued',
        singleton_key: opts.singletonKey ?? null, attempts: 0, retry_limit: opts.retryLimit ?? DEFAULTS.retryLimit,
        retry_delay_ms: opts.retryDelayMs ?? DEFAULTS.retryDelayMs, lease_ms: opts.leaseMs ?? DEFAULTS.leaseMs,
        run_at: iso(opts.runAt ?? now), created_at: iso(now),
      }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
      return inserted ? id : null;
    },
    work(name, handler) {
      handlers.set(name, handler);
    },
    async start() {
      stopped = false;
      timer = setInterval(() => void safeTick(), pollMs);
      timer.unref();
      void safeTick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await ticking;
      // Waits for running jobs, but not forever: a job left running is picked up again after its lease.
      const wait = new Promise<void>((r) => setTimeout(r, options.stopTimeoutMs ?? 10_000).unref());
      await Promise.race([Promise.all([...running]), wait]);
    },
    /** Runs every due job to the end (tests and the CLI); the number run. */
    async drain() {
      let n = 0;
      for (;;) {
        const row = await claim();
        if (!row) return n;
        n += 1;
        await run(row);
      }
    },
    async get(id) {
      const row = await selectJob(db, id);
      return row ? toRecord(row) : undefined;
    },
    async list(q: JobListQuery) {
      let base = db.selectFrom('jobs').where((eb) => q.includeSystem
        ? eb.or([eb('tenant_id', '=', q.tenantId), eb('tenant_id', 'is', null)])
        : eb('tenant_id', '=', q.tenantId));
      if (q.state) base = base.where('state', '=', q.state);
      if (q.name) base = base.where('name', '=', q.name);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toRecord), total: Number(count.n) };
    },
    async cancel(id) {
      const res = await db.updateTable('jobs').set({ state: 'cancelled', finished_at: iso(clock.now()) })
        .where('id', '=', id).where('state', '=', 'queued').executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },
    async retry(id) {
      try {
        const res = await db.updateTable('jobs')
          .set({ state: 'queued', attempts: 0, run_at: iso(clock.now()), finished_at: null, locked_by: null, lease_until: null })
          .where('id', '=', id).where('state', 'in', ['failed', 'cancelled']).executeTakeFirst();
        return Number(res.numUpdatedRows) > 0;
      } catch (err) {
        if (isUniqueViolation(err)) return false; // a job with the same singleton key is already waiting or running
        throw err;
      }
    },
  };
}
