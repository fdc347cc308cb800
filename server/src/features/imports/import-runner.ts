import type { TImportMapping } from '@guanxi/common/imports';
import { hostname } from 'node:os';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { sql } from 'kysely';
import { sqliteHandleOf } from '../../db/create-db';
import type { Db } from '../../db/database';
import { dbJson, readJson, refreshPlannerStats } from '../../db/dialect';
import { findActiveActor, type Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { randomToken } from '../../lib/crypto';
import type { RuleDetail } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { notify } from '../../lib/notify';
import { storageFor } from '../../lib/storage';
import { backgroundLoop } from '../../lib/background-loop';
import { checkImportedCustomer, inputContext, writeImportedCustomers, type ImportOutcome, type InputContext } from '../customers/customers.service';
import { cellText, isBlankRow, readRows, type Cell, type FileFormat, type OpenFile } from './import-files';
import { importKindFor, type ImportKind } from './import-kinds';
import { reasonsOf, rowToInput, type Reason } from './import-rows';
import { findImportById, type ImportRow } from './imports.repository';

/** Rows committed together with their checkpoint: one transaction per batch (the CLI's fixed size). */
export const IMPORT_BATCH_ROWS = 1000;
/**
 * In the server, batches are time-sliced instead: on SQLite a batch's transaction holds the one connection, so
 * requests (the progress bar's polls among them) wait for it. Each batch takes the largest of `SERVER_BATCH_SIZES`
 * that the last batch's rate says commits within `SERVER_SLICE_MS`, and the runner gives the event loop a turn
 * (setImmediate) after each batch and every `SERVER_YIELD_MS` of reading and checking rows, so waiting requests are
 * answered in between. A few fixed sizes, not any size: each size is a different multi-row INSERT to prepare (and
 * to keep in the statement cache). Before: 200-row batches with a 25 ms pause after each (~25% of the time).
 */
export const SERVER_SLICE_MS = 100;
/** While reading and checking rows, the server's runner lets waiting requests in this often (ms). */
export const SERVER_YIELD_MS = 40;
export const SERVER_BATCH_SIZES = [200, 500, 1000] as const;
/**
 * Gives the event loop a few turns: a request in flight needs several (accept, read, handler, write), and one
 * setImmediate lets it take only one step before the next slice of import work.
 */
async function letRequestsIn(): Promise<void> {
  for (let i = 0; i < 4; i++) await yieldToLoop();
}

/** How long a claim holds without a heartbeat; every committed batch renews it. */
export const IMPORT_LEASE_MS = 60_000;

export type RunnerDeps = AppDeps;
export type RunOptions = {
  owner?: string; leaseMs?: number; batchRows?: number;
  /** Time-sliced batches (the server): `batchRows` is the first batch's size, later ones aim at this many ms each. */
  sliceMs?: number;
  onProgress?: (row: { processed: number; total: number | null }) => void; shouldStop?: () => boolean };

const defaultOwner = () => `${hostname()}:${process.pid}:${randomToken(4)}`;

/** Opens the stored upload of an import as a Node stream, from its first byte. */
export function openStored(deps: Pick<AppDeps, 'config'>, key: string): OpenFile {
  return async () => {
    const file = await storageFor(deps.config).get(key);
    if (!file) throw new Error('the uploaded file is missing from storage');
    return Readable.fromWeb(file.stream as WebReadableStream<Uint8Array>);
  };
}

export const formatOf = (row: Pick<ImportRow, 'format' | 'encoding' | 'delimiter'>): FileFormat => ({
  format: row.format as FileFormat['format'], encoding: row.encoding, delimiter: row.delimiter,
});

/** Data rows of the file (non-blank rows below the header), numbered 1.. in file order. */
export async function* dataRows(open: OpenFile, f: FileFormat, headerRow: number): AsyncGenerator<{ index: number; rowNo: number; cells: Cell[] }> {
  let index = 0;
  for await (const r of readRows(open, f)) {
    if (r.rowNo <= headerRow || isBlankRow(r.cells)) continue;
    index++;
    yield { index, rowNo: r.rowNo, cells: r.cells };
  }
}

/** The actor an import runs as: the user who started it (with today's rights), or the tenant's CLI actor. */
async function actorOf(db: Db, row: ImportRow): Promise<Actor | null> {
  const locale = row.locale === 'en' ? 'en' : 'zh-CN';
  if (!row.created_by) {
    return {
      tenantId: row.tenant_id, userId: 'system', name: 'CLI', departmentId: null, departmentPath: null, roleId: 'system', roleCode: null,
      dataScope: 'all', permissions: {}, viewSensitive: true, locale, ip: null, via: 'system',
    };
  }
  return findActiveActor(db, { userId: row.created_by, tenantId: row.tenant_id }, { locale, ip: null, via: 'session' });
}

class LeaseLost extends Error {}

/**
 * Claims the oldest import that is queued, or running under an expired lease (its process died), for `owner`.
 * One conditional UPDATE: of two processes racing for it, exactly one changes the row.
 */
export async function claimImport(deps: RunnerDeps, owner: string, leaseMs: number, id?: string): Promise<ImportRow | null> {
  const now = deps.clock.now().toISOString();
  const until = new Date(deps.clock.now().getTime() + leaseMs).toISOString();
  let q = deps.db.selectFrom('imports').select('id').where('status', 'in', ['queued', 'running'])
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])).orderBy('created_at').limit(1);
  if (id) q = q.where('id', '=', id);
  const candidate = await q.executeTakeFirst();
  if (!candidate) return null;
  const res = await deps.db.updateTable('imports')
    .set((eb) => ({
      status: 'running', lease_owner: owner, lease_until: until, run_started_at: now, run_start_processed: eb.ref('processed'),
      started_at: sql<string>`coalesce(started_at, ${now})`, updated_at: now,
    }))
    .where('id', '=', candidate.id).where('status', 'in', ['queued', 'running'])
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return null;
  return (await findImportById(deps.db, candidate.id)) ?? null;
}

type Prepared = { index: number; rowNo: number; cells: Cell[]; reasons?: Reason[]; ok?: Parameters<typeof writeImportedCustomers>[3][number] };

function prepare(ctx: InputContext, mapping: TImportMapping, defaults: Record<string, string>, r: { index: number; rowNo: number; cells: Cell[] }): Prepared {
  const { raw, present, errors } = rowToInput(r.cells, mapping, defaults, ctx.customerDefs);
  const checked = checkImportedCustomer(ctx, raw);
  const all: RuleDetail[] = [...errors, ...checked.errors.filter((e) => !errors.some((x) => x.field === e.field))];
  if (all.length || !checked.input || !checked.checked) return { ...r, reasons: reasonsOf(all, mapping, ctx.customerDefs) };
  return { ...r, ok: { input: checked.input, checked: checked.checked, present } };
}

type Counts = { created: number; updated: number; skipped: number; failed: number };

/**
 * Writes rows and moves the checkpoint in ONE transaction: the batch's customers, the failed rows for the report,
 * the counts and `processed`. A crash anywhere before COMMIT leaves none of it; after COMMIT all of it. The
 * checkpoint update also proves the lease is still ours and the import not cancelled, or the batch rolls back.
 */
async function commitBatch(deps: RunnerDeps, actor: Actor, ctx: InputContext, job: ImportRow, owner: string, leaseMs: number, rows: Prepared[], kind: ImportKind | null): Promise<Counts> {
  const policy = (job.duplicate_policy ?? 'skip') as 'skip' | 'update' | 'create';
  return deps.db.transaction().execute(async (trx) => {
    const tdeps: AppDeps = { ...deps, db: trx };
    const counts: Counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
    const failed: Array<{ row: Prepared; reasons: Reason[] }> = [];
    const mapping = readJson<TImportMapping>(job.mapping, {});
    if (kind) {
      // Contacts and follow-ups: each row checked and written in turn, so earlier rows of the file count as existing.
      const defaults = readJson<Record<string, string>>(job.defaults, {});
      for (const row of rows) {
        const c = row.reasons ? null : await kind.check(tdeps, row.cells, mapping, defaults);
        if (!c || c.errors.length || !c.write) {
          counts.failed++;
          failed.push({ row, reasons: row.reasons ?? reasonsOf(c?.errors ?? [], mapping, kind.customDefs) });
        } else if (c.exists && policy === 'skip') counts.skipped++;
        else if (c.exists && policy === 'update' && c.update) {
          await c.update();
          counts.updated++;
        } else {
          await c.write();
          counts.created++;
        }
      }
    } else {
      // The rows that passed the checks are written together (set-based duplicate check, multi-row inserts).
      const written = await writeImportedCustomers(tdeps, actor, ctx, rows.flatMap((r) => (r.ok ? [r.ok] : [])), policy);
      let next = 0;
      for (const row of rows) {
        const outcome: ImportOutcome = row.ok ? written[next++]! : { outcome: 'failed', errors: [] };
        if (outcome.outcome === 'failed') {
          counts.failed++;
          failed.push({ row, reasons: row.reasons ?? reasonsOf(outcome.errors, mapping, ctx.customerDefs) });
        } else counts[outcome.outcome]++;
      }
    }
    if (failed.length) {
      await trx.insertInto('import_errors').values(failed.map((f) => ({
        import_id: job.id, row_no: f.row.rowNo, tenant_id: job.tenant_id,
        cells: dbJson(deps.dialect, f.row.cells.map((c) => cellText(c))), reasons: dbJson(deps.dialect, f.reasons),
      }))).execute();
    }
    const now = deps.clock.now();
    const res = await trx.updateTable('imports')
      .set((eb) => ({
        processed: rows[rows.length - 1]!.index,
        created: eb('created', '+', counts.created), updated: eb('updated', '+', counts.updated),
        skipped: eb('skipped', '+', counts.skipped), failed: eb('failed', '+', counts.failed),
        lease_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: now.toISOString(),
      }))
      .where('id', '=', job.id).where('lease_owner', '=', owner).where('status', '=', 'running')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new LeaseLost();
    return counts;
  });
}

/** A batch whose transaction failed is redone one row per transaction, so one bad row cannot stop the others. */
async function commitRowByRow(deps: RunnerDeps, actor: Actor, ctx: InputContext, job: ImportRow, owner: string, leaseMs: number, rows: Prepared[], kind: ImportKind | null) {
  for (const row of rows) {
    try {
      await commitBatch(deps, actor, ctx, job, owner, leaseMs, [row], kind);
    } catch (err) {
      if (err instanceof LeaseLost) throw err;
      deps.logger.warn('import row failed', { importId: job.id, row: row.rowNo, error: err instanceof Error ? err.message : String(err) });
      const reasons = reasonsOf([{ field: 'row', rule: 'row_failed' }], {}, []);
      await commitBatch(deps, actor, ctx, job, owner, leaseMs, [{ index: row.index, rowNo: row.rowNo, cells: row.cells, reasons }], kind);
    }
  }
}

async function finish(deps: RunnerDeps, job: ImportRow, owner: string, set: { status: 'done' | 'failed'; error?: string }) {
  const now = deps.clock.now().toISOString();
  await deps.db.updateTable('imports').set({ status: set.status, error: set.error ?? null, finished_at: now, lease_owner: null, lease_until: null, updated_at: now })
    .where('id', '=', job.id).where('lease_owner', '=', owner).where('status', '=', 'running').execute();
}

/** WAL pages (4 KiB) between automatic checkpoints while an import writes: ~80 MiB instead of SQLite's 1,000. */
export const IMPORT_WAL_AUTOCHECKPOINT = 20_000;

/**
 * SQLite: while an import runs, the WAL is checkpointed every ~80 MiB instead of every 4 MiB. With the default, each
 * batch's commit found the WAL over 1,000 pages and copied it into the database (with an fsync): the same hot index
 * pages were written twice per batch. The connection's own setting comes back afterwards. PostgreSQL: nothing.
 */
function bulkCheckpoints(db: Db): () => void {
  const sqlite = sqliteHandleOf(db);
  if (!sqlite) return () => {};
  const before = Number(sqlite.pragma('wal_autocheckpoint', { simple: true }));
  if (before <= 0 || before >= IMPORT_WAL_AUTOCHECKPOINT) return () => {};
  sqlite.pragma(`wal_autocheckpoint = ${IMPORT_WAL_AUTOCHECKPOINT}`);
  return () => {
    sqlite.pragma(`wal_autocheckpoint = ${before}`);
  };
}

/** Runs one claimed import to the end (or until the lease is lost, it is cancelled, or `shouldStop`). */
export async function processImport(deps: RunnerDeps, job: ImportRow, owner: string, opts: RunOptions = {}): Promise<void> {
  const leaseMs = opts.leaseMs ?? IMPORT_LEASE_MS;
  const batchRows = opts.batchRows ?? IMPORT_BATCH_ROWS;
  const actor = await actorOf(deps.db, job);
  if (!actor) return finish(deps, job, owner, { status: 'failed', error: 'user_inactive' });
  const restoreCheckpoints = bulkCheckpoints(deps.db);
  try {
    const ctx = await inputContext(deps, actor);
    const kind = job.type === 'customers' ? null : await importKindFor(deps, actor, job.type as 'contacts' | 'followups');
    const open = openStored(deps, job.storage_key);
    const f = formatOf(job);
    let total = job.total;
    if (total === null) {
      // Count first, so the progress bar has an end (a streamed pass; nothing is kept).
      total = 0;
      for await (const r of dataRows(open, f, job.header_row)) total = r.index;
      await deps.db.updateTable('imports').set({ total }).where('id', '=', job.id).where('lease_owner', '=', owner).execute();
    }
    const mapping = readJson<TImportMapping>(job.mapping, {});
    const defaults = readJson<Record<string, string>>(job.defaults, {});
    let batch: Prepared[] = [];
    let processed = job.processed;
    let limit = batchRows;
    const sliceMs = opts.sliceMs;
    let sliceStart = performance.now();
    const flush = async () => {
      if (batch.length === 0) return;
      const started = performance.now();
      try {
        await commitBatch(deps, actor, ctx, job, owner, leaseMs, batch, kind);
      } catch (err) {
        if (err instanceof LeaseLost) throw err;
        await commitRowByRow(deps, actor, ctx, job, owner, leaseMs, batch, kind);
      }
      if (sliceMs) {
        // The next batch: the largest size that commits within sliceMs at this batch's rate.
        const perMs = batch.length / Math.max(1, performance.now() - started);
        limit = SERVER_BATCH_SIZES.filter((n) => n <= perMs * sliceMs).pop() ?? SERVER_BATCH_SIZES[0];
      }
      const before = processed;
      processed = batch[batch.length - 1]!.index;
      batch = [];
      // Each time the import has doubled what it wrote (1,000, 2,000, 4,000… rows), the planner learns the new sizes.
      if (Math.floor(Math.log2(Math.max(1, processed / 1000))) > Math.floor(Math.log2(Math.max(1, before / 1000))) || (before < 1000 && processed >= 1000)) {
        await refreshPlannerStats(deps.db, deps.dialect, ['customers', 'contacts']);
      }
      opts.onProgress?.({ processed, total });
      await letRequestsIn();
      sliceStart = performance.now();
    };
    for await (const r of dataRows(open, f, job.header_row)) {
      // Rows up to the checkpoint are in already: a resumed import continues after them.
      if (r.index <= processed) continue;
      batch.push(kind ? r : prepare(ctx, mapping, defaults, r));
      if (sliceMs && (batch.length & 31) === 0 && performance.now() - sliceStart > SERVER_YIELD_MS) {
        // Reading and checking rows is CPU work too: let waiting requests in.
        await letRequestsIn();
        sliceStart = performance.now();
      }
      if (batch.length >= limit) {
        await flush();
        if (opts.shouldStop?.()) {
          // Hand it back at once: the next process resumes after the batch just committed.
          await deps.db.updateTable('imports').set({ lease_owner: null, lease_until: null }).where('id', '=', job.id).where('lease_owner', '=', owner).execute();
          return;
        }
      }
    }
    await flush();
    await finish(deps, job, owner, { status: 'done' });
    const done = await findImportById(deps.db, job.id);
    if (done?.status === 'done') {
      const summary = { importId: job.id, fileName: job.file_name, created: done.created, updated: done.updated, skipped: done.skipped, failed: done.failed };
      await recordAudit(deps, actor, { entity: 'import', entityId: job.id, action: 'finish', after: summary });
      if (job.created_by) await notify(deps, job.tenant_id, [job.created_by], 'import.finished', summary);
    }
  } catch (err) {
    if (err instanceof LeaseLost) return;
    deps.logger.error('import failed', { importId: job.id, error: err instanceof Error ? err.stack : String(err) });
    await finish(deps, job, owner, { status: 'failed', error: err instanceof Error ? err.message : String(err) });
  } finally {
    restoreCheckpoints();
  }
}

/**
 * Claims and runs imports until none is waiting (or `shouldStop`). Safe to call from many processes at once: the
 * lease decides who works on which import, and a process that dies leaves its import to the next caller once its
 * lease expires, which continues after the last committed batch. Returns how many imports it ran.
 */
export async function runImportQueue(deps: RunnerDeps, opts: RunOptions & { id?: string } = {}): Promise<number> {
  const owner = opts.owner ?? defaultOwner();
  let ran = 0;
  for (;;) {
    if (opts.shouldStop?.()) return ran;
    const job = await claimImport(deps, owner, opts.leaseMs ?? IMPORT_LEASE_MS, opts.id);
    if (!job) return ran;
    await processImport(deps, job, owner, opts);
    ran++;
  }
}

/**
 * Starts working on waiting imports in this process without waiting for it (after an upload is started, and from
 * the scheduler so a restarted process resumes interrupted ones). At most one loop per database handle.
 */
export function kickImports(deps: RunnerDeps): void {
  importLoop.kick(deps);
}

/** Stops this process's import loop after its current batch (server shutdown); the lease lets another resume. */
export async function stopImports(db: Db): Promise<void> {
  await importLoop.stop(db);
}

const importLoop = backgroundLoop('import', (deps: RunnerDeps, shouldStop) =>
  runImportQueue(deps, { shouldStop, batchRows: SERVER_BATCH_SIZES[0], sliceMs: SERVER_SLICE_MS }));
