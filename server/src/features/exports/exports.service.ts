import type { Locale } from '@guanxi/common/i18n';
import type { TCreateExportRequest, TExport } from '@guanxi/common/imports';
import type { TPage } from '@guanxi/common/pagination';
import { hostname } from 'node:os';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../../db/database';
import { dbJson, readJson, readTimestamp } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import { findActiveActor, type Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { randomToken } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { offsetOf, pageOf } from '../../lib/pagination';
import { storageFor } from '../../lib/storage';
import { backgroundLoop } from '../../lib/background-loop';
import { exportableContacts } from '../contacts/contacts.service';
import { exportableCustomers } from '../customers/customers.service';
import { dictionaryLookup } from '../dictionaries/dictionaries.service';
import { contactColumns, customerColumns, sheetWriter, type Column } from './export-format';
import { findExport, findExportById, insertExport, pageExports, type ExportRow } from './exports.repository';

export const EXPORT_PAGE_ROWS = 2000;
export const EXPORT_LEASE_MS = 60_000;

function toExport(r: ExportRow): TExport {
  return {
    id: r.id, type: r.type as TExport['type'], format: r.format as TExport['format'], status: r.status as TExport['status'],
    total: r.total === null ? null : Number(r.total), processed: Number(r.processed), fileName: r.file_name, error: r.error,
    createdAt: readTimestamp(r.created_at), finishedAt: readTimestamp(r.finished_at, true),
  };
}

/** What a finished export's file is called: 客户_20261123-1000.xlsx. */
function fileNameOf(type: TCreateExportRequest['type'], format: string, locale: Locale, at: Date) {
  const stamp = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const base = type === 'customers' ? (locale === 'en' ? 'customers' : '客户') : (locale === 'en' ? 'contacts' : '联系人');
  return `${base}_${stamp}.${format}`;
}

/**
 * Queues an export of a list as the user sees it (condition tree, keyword, shortcuts, visible columns) to xlsx or
 * csv. Checked now (the export right, the filter's syntax), written by the runner in the background.
 */
export async function createExport(deps: AppDeps, actor: Actor, input: TCreateExportRequest): Promise<TExport> {
  assertCan(actor, input.type, 'export');
  // Fail now on a bad filter rather than later in the job.
  if (input.type === 'customers') await exportableCustomers(deps, actor, { filter: input.filter, q: input.q, ownerId: input.ownerId, tag: input.tag });
  const id = newId();
  const now = deps.clock.now();
  const params = { filter: input.filter, q: input.q, ownerId: input.ownerId, status: input.status, tag: input.tag, customerId: input.customerId, columns: input.columns };
  await deps.db.transaction().execute(async (trx) => {
    await insertExport(trx, {
      id, tenant_id: actor.tenantId, type: input.type, format: input.format, status: 'queued', params: dbJson(deps.dialect, params),
      file_name: fileNameOf(input.type, input.format, actor.locale, now), locale: actor.locale, created_by: actor.userId,
      created_at: now.toISOString(), updated_at: now.toISOString(),
    });
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'export', entityId: id, action: 'create', after: { type: input.type, format: input.format, ...params } });
  });
  if (deps.config.JOBS === 'on') kickExports(deps);
  return getExport(deps, actor, id);
}

async function loadExport(deps: AppDeps, actor: Actor, id: string) {
  const row = await findExport(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertCan(actor, row.type as TCreateExportRequest['type'], 'export');
  return row;
}

export async function getExport(deps: AppDeps, actor: Actor, id: string): Promise<TExport> {
  return toExport(await loadExport(deps, actor, id));
}

export async function listExports(deps: AppDeps, actor: Actor, q: { page: number; pageSize: number }): Promise<TPage<TExport>> {
  const { rows, total } = await pageExports(deps.db, actor, { limit: q.pageSize, offset: offsetOf(q) });
  return pageOf(rows.map(toExport), total, q);
}

/** The finished file (each download is audited). */
export async function openExport(deps: AppDeps, actor: Actor, id: string) {
  const row = await loadExport(deps, actor, id);
  if (row.status !== 'done' || !row.storage_key) throw AppError.unprocessable('status', 'export_state');
  const file = await storageFor(deps.config).get(row.storage_key);
  if (!file) throw new AppError('NOT_FOUND');
  await recordAudit(deps, actor, { entity: 'export', entityId: id, action: 'download', after: { fileName: row.file_name, rows: Number(row.processed) } });
  return { fileName: row.file_name, format: row.format, ...file };
}

class LeaseLost extends Error {}

async function claimExport(deps: AppDeps, owner: string, leaseMs: number, id?: string): Promise<ExportRow | null> {
  const now = deps.clock.now().toISOString();
  const until = new Date(deps.clock.now().getTime() + leaseMs).toISOString();
  let q = deps.db.selectFrom('exports').select('id').where('status', 'in', ['queued', 'running'])
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])).orderBy('created_at').limit(1);
  if (id) q = q.where('id', '=', id);
  const candidate = await q.executeTakeFirst();
  if (!candidate) return null;
  const res = await deps.db.updateTable('exports').set({ status: 'running', lease_owner: owner, lease_until: until, processed: 0, updated_at: now })
    .where('id', '=', candidate.id).where('status', 'in', ['queued', 'running'])
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return null;
  return (await findExportById(deps.db, candidate.id)) ?? null;
}

type Source = { count(): Promise<number>; page(afterId: string | null, limit: number): Promise<Array<{ id: string }>>; columns: Column<never>[] };

async function sourceOf(deps: AppDeps, actor: Actor, row: ExportRow): Promise<Source> {
  const p = readJson<TCreateExportRequest>(row.params, { type: 'customers', format: 'xlsx' });
  const dict = await dictionaryLookup(deps.db, actor.tenantId);
  if (row.type === 'contacts') {
    const c = exportableContacts(deps, actor, { q: p.q, customerId: p.customerId });
    return { ...c, columns: contactColumns(dict, actor.locale) as Column<never>[] };
  }
  const c = await exportableCustomers(deps, actor, { filter: p.filter, q: p.q, ownerId: p.ownerId, status: p.status as never, tag: p.tag });
  const columns = customerColumns(p.columns, c.customFields, dict, actor.locale);
  // Tags and contacts are read only when a column shows them.
  const need = { tags: columns.some((col) => col.key === 'tags'), primaryContact: columns.some((col) => col.key.startsWith('primaryContact.')) };
  return { count: c.count, page: (afterId, limit) => c.page(afterId, limit, need), columns: columns as Column<never>[] };
}

/**
 * Writes one claimed export: counts, then reads keyset pages of the list (never the whole table) and streams
 * them through the xlsx/csv writer into storage, renewing its lease with each page. Interrupted, it starts over
 * (the half file is never published: storage renames a file into place only when complete).
 */
export async function processExport(deps: AppDeps, row: ExportRow, owner: string, leaseMs = EXPORT_LEASE_MS, pageRows = EXPORT_PAGE_ROWS, shouldStop?: () => boolean) {
  const locale: Locale = row.locale === 'en' ? 'en' : 'zh-CN';
  const actor = await findActiveActor(deps.db, { userId: row.created_by, tenantId: row.tenant_id }, { locale, ip: null, via: 'session' });
  const finish = async (set: { status: 'done' | 'failed'; error?: string; storageKey?: string }) => {
    const now = deps.clock.now().toISOString();
    await deps.db.updateTable('exports').set({
      status: set.status, error: set.error ?? null, storage_key: set.storageKey ?? null, finished_at: now, lease_owner: null, lease_until: null, updated_at: now,
    }).where('id', '=', row.id).where('lease_owner', '=', owner).where('status', '=', 'running').execute();
  };
  if (!actor) return finish({ status: 'failed', error: 'user_inactive' });
  const key = `exports/${row.tenant_id}/${row.id}`;
  const storage = storageFor(deps.config);
  try {
    const source = await sourceOf(deps, actor, row);
    const total = await source.count();
    await deps.db.updateTable('exports').set({ total }).where('id', '=', row.id).where('lease_owner', '=', owner).execute();
    const out = new PassThrough();
    const stored = storage.put(key, out);
    const writer = sheetWriter(row.format === 'csv' ? 'csv' : 'xlsx', out, locale === 'en' ? 'Export' : '导出');
    const columns = source.columns;
    writer.row(columns.map((c) => c.label));
    let after: string | null = null;
    let processed = 0;
    try {
      for (;;) {
        const page = await source.page(after, pageRows);
        const values = new Array<ReturnType<Column<never>['value']>>(columns.length);
        for (const r of page) {
          for (let i = 0; i < columns.length; i++) values[i] = columns[i]!.value(r as never);
          writer.row(values);
        }
        await writer.drained();
        if (out.writableNeedDrain) await once(out, 'drain');
        processed += page.length;
        const now = deps.clock.now();
        const res = await deps.db.updateTable('exports').set({ processed, lease_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: now.toISOString() })
          .where('id', '=', row.id).where('lease_owner', '=', owner).where('status', '=', 'running').executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new LeaseLost();
        if (page.length < pageRows) break;
        if (shouldStop?.()) {
          // Shutting down: hand it back; another process starts it over.
          await deps.db.updateTable('exports').set({ lease_owner: null, lease_until: null }).where('id', '=', row.id).where('lease_owner', '=', owner).execute();
          throw new LeaseLost();
        }
        after = page[page.length - 1]!.id;
        await yieldToLoop();
      }
      await writer.end();
      await stored;
    } catch (err) {
      out.destroy(err as Error);
      await stored.catch(() => undefined);
      throw err;
    }
    await finish({ status: 'done', storageKey: key });
    await recordAudit(deps, actor, { entity: 'export', entityId: row.id, action: 'finish', after: { type: row.type, rows: processed, fileName: row.file_name } });
  } catch (err) {
    if (err instanceof LeaseLost) return;
    deps.logger.error('export failed', { exportId: row.id, error: err instanceof Error ? err.stack : String(err) });
    await storage.remove(key);
    await finish({ status: 'failed', error: err instanceof Error ? err.message : String(err) });
  }
}

/** Claims and writes exports until none is waiting (any process; the lease decides who writes which). */
export async function runExportQueue(deps: AppDeps, opts: { owner?: string; leaseMs?: number; pageRows?: number; shouldStop?: () => boolean; id?: string } = {}) {
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomToken(4)}`;
  let ran = 0;
  for (;;) {
    if (opts.shouldStop?.()) return ran;
    const row = await claimExport(deps, owner, opts.leaseMs ?? EXPORT_LEASE_MS, opts.id);
    if (!row) return ran;
    await processExport(deps, row, owner, opts.leaseMs, opts.pageRows, opts.shouldStop);
    ran++;
  }
}

const exportLoop = backgroundLoop('export', (deps: AppDeps, shouldStop) => runExportQueue(deps, { shouldStop }));

/** Starts this process's export loop in the background (after a request, and from the scheduler). */
export function kickExports(deps: AppDeps): void {
  exportLoop.kick(deps);
}

export async function stopExports(db: Db): Promise<void> {
  await exportLoop.stop(db);
}
