import { fieldLabel, type Locale } from '@guanxi/common/i18n';
import type { TCustomField } from '@guanxi/common/fields';
import {
  ERROR_REPORT_COLUMNS, IMPORT_FIELDS, IMPORT_MAX_BYTES, IMPORT_MODULE, IMPORT_POLICIES, IMPORT_REQUIRED_FIELDS, IMPORT_TYPES, type ImportType,
  type TImport, type TImportMapping, type TImportPreview, type TStartImportRequest,
} from '@guanxi/common/imports';
import type { TPage } from '@guanxi/common/pagination';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { dbJson, readJson, readTimestamp } from '../../db/dialect';
import { assertCan, can } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { offsetOf, pageOf } from '../../lib/pagination';
import { storageFor } from '../../lib/storage';
import { checkImportedCustomer, findDuplicates, inputContext, normalizeCompanyName } from '../customers/customers.service';
import { cellText, readRows, sniffFile, type Cell, type FileFormat, type FileRow } from './import-files';
import { importKindFor } from './import-kinds';
import { autoMapping, detectHeader, headerIndex, HEADER_SCAN_ROWS, normalizeHeader } from './import-mapping';
import { reasonsOf, rowToInput, type Reason } from './import-rows';
import { dataRows, formatOf, kickImports, openStored } from './import-runner';
import {
  errorRowsAfter, findImport, insertImport, pageImports, rememberedMapping, rememberMapping, type ImportRow,
} from './imports.repository';

export const PREVIEW_ROWS = 50;
const EXTENSIONS = ['xlsx', 'xls', 'csv', 'txt', 'tsv'];

const num = (v: unknown) => Number(v ?? 0);

export function toImport(row: ImportRow, now: Date): TImport {
  const processed = num(row.processed);
  const total = row.total === null ? null : num(row.total);
  let rate: number | null = null;
  let eta: number | null = null;
  if (row.status === 'running' && row.run_started_at) {
    const seconds = (now.getTime() - new Date(readTimestamp(row.run_started_at)).getTime()) / 1000;
    const done = processed - num(row.run_start_processed);
    if (seconds > 0 && done > 0) {
      rate = Math.round((done / seconds) * 10) / 10;
      if (total !== null) eta = Math.max(0, Math.round((total - processed) / rate));
    }
  }
  return {
    id: row.id, type: row.type as TImport['type'], fileName: row.file_name, fileSize: num(row.file_size), format: row.format as TImport['format'],
    encoding: row.encoding, status: row.status as TImport['status'], duplicatePolicy: row.duplicate_policy as TImport['duplicatePolicy'],
    total, processed, created: num(row.created), updated: num(row.updated), skipped: num(row.skipped), failed: num(row.failed),
    rate, etaSeconds: eta, error: row.error, createdBy: row.created_by, createdByName: row.created_by_name ?? null,
    createdAt: readTimestamp(row.created_at), startedAt: readTimestamp(row.started_at, true), finishedAt: readTimestamp(row.finished_at, true),
  };
}

/** Imports are one page for every type: anyone who may import some type of record reaches it. */
function assertCanImport(actor: Actor, type?: ImportType) {
  if (type) return assertCan(actor, IMPORT_MODULE[type], 'import');
  if (!IMPORT_TYPES.some((t) => can(actor, IMPORT_MODULE[t], 'import'))) assertCan(actor, 'customers', 'import');
}

async function loadImport(deps: AppDeps, actor: Actor, id: string): Promise<ImportRow> {
  assertCanImport(actor);
  const row = await findImport(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertCanImport(actor, row.type as ImportType);
  return row;
}

/** The tenant's active custom fields an import of this type can fill (customer or contact fields; none for follow-ups). */
async function customDefsOf(deps: AppDeps, actor: Actor, type: ImportType): Promise<TCustomField[]> {
  if (type === 'followups') return [];
  const ctx = await inputContext(deps, actor);
  return (type === 'customers' ? ctx.customerDefs : ctx.contactDefs).filter((d) => d.active);
}

/** The fields an import of this type can fill for this tenant, labelled in the user's language. */
function importFields(type: ImportType, defs: TCustomField[], locale: Locale) {
  const required = IMPORT_REQUIRED_FIELDS[type];
  return [
    ...Object.keys(IMPORT_FIELDS[type]).map((key) => ({
      key, label: key === 'name' ? (locale === 'en' ? 'Customer name' : '客户名称') : fieldLabel(locale, key), required: required.includes(key),
    })),
    ...defs.map((d) => ({ key: `custom.${d.key}`, label: locale === 'en' ? d.labelEn : d.labelZh, required: d.required })),
  ];
}

async function firstRows(open: () => Promise<Readable>, f: FileFormat, limit: number): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  const it = readRows(open, f);
  for await (const r of it) {
    rows.push(r);
    if (rows.length >= limit) break;
  }
  return rows;
}

type PreviewCheck = (cells: Cell[]) => Promise<{ reasons: Reason[]; keys: string[]; exists: () => Promise<boolean> }>;

/** How the preview checks a row of this type: the run's own checks, nothing written; `exists` asked only when needed. */
async function previewChecker(deps: AppDeps, actor: Actor, type: ImportType, mapping: TImportMapping, defaults: Record<string, string>): Promise<{ defs: TCustomField[]; check: PreviewCheck }> {
  if (type !== 'customers') {
    const kind = await importKindFor(deps, actor, type);
    return {
      defs: kind.customDefs.filter((d) => d.active),
      check: async (cells) => {
        const c = await kind.check(deps, cells, mapping, defaults);
        return { reasons: reasonsOf(c.errors, mapping, kind.customDefs), keys: c.keys, exists: async () => c.exists };
      },
    };
  }
  const ctx = await inputContext(deps, actor);
  return {
    defs: ctx.customerDefs.filter((d) => d.active),
    check: async (cells) => {
      const { raw, errors } = rowToInput(cells, mapping, defaults, ctx.customerDefs);
      const checked = checkImportedCustomer(ctx, raw);
      const all = [...errors, ...checked.errors.filter((e) => !errors.some((x) => x.field === e.field))];
      const contact = (raw.contact ?? {}) as { mobile?: string; email?: string };
      const name = typeof raw.name === 'string' ? raw.name : '';
      const keys = [name && `n:${normalizeCompanyName(name)}`, contact.mobile && `m:${contact.mobile.replace(/\D/g, '').slice(-11)}`, contact.email && `e:${contact.email.toLowerCase()}`]
        .filter((k): k is string => !!k);
      const exists = async () => (await findDuplicates(deps, actor, { name, mobiles: [contact.mobile], emails: [contact.email] })).length > 0;
      return { reasons: reasonsOf(all, mapping, ctx.customerDefs), keys, exists };
    },
  };
}

/** The preview: the first rows as the mapping reads them, each problem on its cell, and duplicates marked. */
async function buildPreview(deps: AppDeps, actor: Actor, row: ImportRow, mapping: TImportMapping, defaults: Record<string, string>): Promise<TImportPreview> {
  const type = row.type as ImportType;
  const { defs, check } = await previewChecker(deps, actor, type, mapping, defaults);
  const headers = readJson<string[]>(row.headers, []);
  const rows: TImportPreview['rows'] = [];
  const seen = new Set<string>();
  for await (const r of dataRows(openStored(deps, row.storage_key), formatOf(row), row.header_row)) {
    const c = await check(r.cells);
    const duplicate = c.keys.some((k) => seen.has(k)) ? 'file' : (await c.exists()) ? 'db' : null;
    c.keys.forEach((k) => seen.add(k));
    rows.push({
      row: r.rowNo, cells: headers.map((_, i) => cellText(r.cells[i])),
      problems: c.reasons.map((p) => ({ field: p.field, column: p.column, rule: p.rule, message: actor.locale === 'en' ? p.en : p.zh })),
      duplicate,
    });
    if (rows.length >= PREVIEW_ROWS) break;
  }
  return {
    import: toImport(row, deps.clock.now()), headerRow: row.header_row,
    columns: headers.map((header, index) => ({ index, header, field: mapping[String(index)] ?? null })),
    rows, fields: importFields(type, defs, actor.locale),
  };
}

/**
 * Step 1 of the wizard: stores the upload (xlsx, csv in UTF-8/GBK/GB18030 with comma, semicolon or tab), finds
 * the header row, proposes a mapping (the tenant's last choices, then synonyms) and previews the first rows.
 * With `duplicatePolicy` (API clients, the CLI) the import is started at once with the given or proposed mapping.
 */
export async function uploadImport(
  deps: AppDeps, actor: Actor,
  input: { file: Pick<File, 'name' | 'size' | 'stream'>; type: ImportType; mapping?: TImportMapping; duplicatePolicy?: TStartImportRequest['duplicatePolicy']; defaults?: Record<string, string> },
): Promise<TImportPreview> {
  assertCanImport(actor, input.type);
  const { file } = input;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!EXTENSIONS.includes(ext)) throw AppError.invalid('file', 'file_type', { allowed: 'xlsx, csv' });
  if (file.size === 0) throw AppError.invalid('file', 'file_empty');
  if (file.size > IMPORT_MAX_BYTES) throw AppError.invalid('file', 'file_too_large', { max: `${IMPORT_MAX_BYTES / 1024 / 1024} MiB` });
  const id = newId();
  const key = `imports/${actor.tenantId}/${id}`;
  const storage = storageFor(deps.config);
  const stored = await storage.put(key, file.stream());
  try {
    const open = openStored(deps, key);
    const f = await sniffFile(open);
    const index = headerIndex(await customDefsOf(deps, actor, input.type), input.type);
    const header = detectHeader(await firstRows(open, f, HEADER_SCAN_ROWS * 2), index);
    if (!header) throw AppError.invalid('file', 'no_header');
    const remembered = new Map((await rememberedMapping(deps.db, actor.tenantId, input.type)).map((r) => [r.header, r.field]));
    const mapping = input.mapping ?? autoMapping(header.headers, index, remembered);
    const now = deps.clock.now().toISOString();
    await insertImport(deps.db, {
      id, tenant_id: actor.tenantId, type: input.type, status: 'uploaded', file_name: file.name.slice(0, 255), file_size: stored.size,
      storage_key: key, format: f.format, encoding: f.encoding, delimiter: f.delimiter, header_row: header.rowNo,
      headers: dbJson(deps.dialect, header.headers), mapping: dbJson(deps.dialect, mapping), defaults: dbJson(deps.dialect, input.defaults ?? {}),
      duplicate_policy: null, locale: actor.locale, created_by: actor.via === 'system' ? null : actor.userId, created_at: now, updated_at: now,
    });
  } catch (err) {
    await storage.remove(key);
    throw err;
  }
  if (input.duplicatePolicy) {
    await startImport(deps, actor, id, { mapping: input.mapping ?? (await previewMapping(deps, actor, id)), duplicatePolicy: input.duplicatePolicy, defaults: input.defaults });
  }
  const row = await loadImport(deps, actor, id);
  return buildPreview(deps, actor, row, readJson<TImportMapping>(row.mapping, {}), readJson<Record<string, string>>(row.defaults, {}));
}

async function previewMapping(deps: AppDeps, actor: Actor, id: string): Promise<TImportMapping> {
  return readJson<TImportMapping>((await loadImport(deps, actor, id)).mapping, {});
}

/** The preview again with another mapping (the wizard's mapping editor). */
export async function previewImport(deps: AppDeps, actor: Actor, id: string, input: { mapping: TImportMapping; defaults?: Record<string, string> }) {
  const row = await loadImport(deps, actor, id);
  const defs = await customDefsOf(deps, actor, row.type as ImportType);
  checkMapping(row.type as ImportType, input.mapping, readJson<string[]>(row.headers, []), defs.map((d) => `custom.${d.key}`), input.defaults);
  return buildPreview(deps, actor, row, input.mapping, input.defaults ?? readJson<Record<string, string>>(row.defaults, {}));
}

function checkMapping(type: ImportType, mapping: TImportMapping, headers: string[], customKeys: string[], defaults: Record<string, string> = {}) {
  const allowed = new Set<string>([...Object.keys(IMPORT_FIELDS[type]), ...customKeys]);
  for (const key of Object.keys(defaults)) {
    if (!allowed.has(key)) throw AppError.invalid(`defaults.${key}`, 'unknown_field');
  }
  const used = new Set<string>();
  for (const [col, field] of Object.entries(mapping)) {
    if (Number(col) >= headers.length) throw AppError.invalid(`mapping.${col}`, 'one_of', { options: `0–${headers.length - 1}` });
    if (!allowed.has(field)) throw AppError.invalid(`mapping.${col}`, 'one_of', { options: [...allowed].join(', ') });
    if (used.has(field)) throw AppError.invalid(`mapping.${col}`, 'taken');
    used.add(field);
  }
}

/**
 * Starts an uploaded import with the chosen mapping, duplicate policy and defaults: it is queued for the runner
 * (this process starts on it at once; any process resumes it after a crash). The mapping is remembered for the
 * tenant, by normalised header.
 */
export async function startImport(deps: AppDeps, actor: Actor, id: string, input: TStartImportRequest): Promise<TImport> {
  const row = await loadImport(deps, actor, id);
  if (row.status !== 'uploaded') throw AppError.unprocessable('status', 'import_state');
  const type = row.type as ImportType;
  const policies = IMPORT_POLICIES[type];
  if (!policies.includes(input.duplicatePolicy)) throw AppError.invalid('duplicatePolicy', 'one_of', { options: policies.join(', ') });
  const defs = await customDefsOf(deps, actor, type);
  const headers = readJson<string[]>(row.headers, []);
  checkMapping(type, input.mapping, headers, defs.map((d) => `custom.${d.key}`), input.defaults);
  const mapped = new Set(Object.values(input.mapping));
  const defaults = input.defaults ?? readJson<Record<string, string>>(row.defaults, {});
  const has = (f: string) => mapped.has(f) || !!defaults[f]?.trim();
  const missing = [...IMPORT_REQUIRED_FIELDS[type], ...defs.filter((d) => d.required).map((d) => `custom.${d.key}`)].filter((f) => !has(f));
  // Contacts and follow-ups name their customer by number or by name: one of the two must be there.
  if (type !== 'customers' && !has('customerNumber') && !has('customerName')) missing.unshift('customerName');
  if (missing.length) throw new AppError('VALIDATION_FAILED', missing.map((f) => ({ field: f, rule: 'not_mapped' })));
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('imports').set({
      status: 'queued', mapping: dbJson(deps.dialect, input.mapping), defaults: dbJson(deps.dialect, defaults),
      duplicate_policy: input.duplicatePolicy, locale: actor.locale, updated_at: now,
    }).where('id', '=', id).where('tenant_id', '=', actor.tenantId).where('status', '=', 'uploaded').execute();
    await rememberMapping(trx, actor.tenantId, row.type, Object.entries(input.mapping)
      .map(([col, field]) => ({ header: normalizeHeader(headers[Number(col)] ?? ''), field })).filter((p) => p.header), now);
    await recordAudit({ ...deps, db: trx }, actor, {
      entity: 'import', entityId: id, action: 'create', after: { fileName: row.file_name, type: row.type, duplicatePolicy: input.duplicatePolicy },
    });
  });
  if (deps.config.JOBS === 'on') kickImports(deps);
  return getImport(deps, actor, id);
}

export async function getImport(deps: AppDeps, actor: Actor, id: string): Promise<TImport> {
  return toImport(await loadImport(deps, actor, id), deps.clock.now());
}

/** The tenant's imports, newest first. */
export async function listImports(deps: AppDeps, actor: Actor, q: { page: number; pageSize: number }): Promise<TPage<TImport>> {
  assertCanImport(actor);
  const { rows, total } = await pageImports(deps.db, actor, { limit: q.pageSize, offset: offsetOf(q) });
  const now = deps.clock.now();
  return pageOf(rows.map((r) => toImport(r, now)), total, q);
}

/** Cancels an import that has not finished: rows already committed stay (they are counted), nothing more is written. */
export async function cancelImport(deps: AppDeps, actor: Actor, id: string): Promise<TImport> {
  const row = await loadImport(deps, actor, id);
  if (!['uploaded', 'queued', 'running'].includes(row.status)) throw AppError.unprocessable('status', 'import_state');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('imports').set({ status: 'cancelled', finished_at: now, lease_owner: null, lease_until: null, updated_at: now })
      .where('id', '=', id).where('tenant_id', '=', actor.tenantId).where('status', 'in', ['uploaded', 'queued', 'running']).execute();
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'import', entityId: id, action: 'cancel', after: { processed: num(row.processed) } });
  });
  return getImport(deps, actor, id);
}

/**
 * Runs a failed import again from where it stopped (its user was deactivated and is active again, the database was
 * unreachable…): rows 1..processed stay as they are, the rest follow; counts go on from where they were.
 */
export async function resumeImport(deps: AppDeps, actor: Actor, id: string): Promise<TImport> {
  const row = await loadImport(deps, actor, id);
  if (row.status !== 'failed') throw AppError.unprocessable('status', 'import_state');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('imports').set({ status: 'queued', error: null, finished_at: null, lease_owner: null, lease_until: null, updated_at: now })
      .where('id', '=', id).where('tenant_id', '=', actor.tenantId).where('status', '=', 'failed').execute();
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'import', entityId: id, action: 'resume', after: { processed: num(row.processed), error: row.error } });
  });
  if (deps.config.JOBS === 'on') kickImports(deps);
  return getImport(deps, actor, id);
}

/**
 * The error report as an xlsx stream: the header row and the failed rows exactly as they were in the file, plus a
 * column with every reason in the downloader's language and the original row number. Importing the corrected
 * report imports only those rows (the added columns map to nothing).
 */
export async function importErrorReport(deps: AppDeps, actor: Actor, id: string): Promise<{ fileName: string; stream: ReadableStream<Uint8Array> }> {
  const row = await loadImport(deps, actor, id);
  const headers = readJson<string[]>(row.headers, []);
  const locale = actor.locale;
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet(locale === 'en' ? 'Errors' : '错误报告');
  const write = async () => {
    const head = ws.addRow([...headers, ERROR_REPORT_COLUMNS.reason[locale], ERROR_REPORT_COLUMNS.row[locale]]);
    head.font = { bold: true };
    head.commit();
    let after = 0;
    for (;;) {
      const page = await errorRowsAfter(deps.db, id, after, 1000);
      for (const e of page) {
        const cells = readJson<string[]>(e.cells, []);
        const reasons = readJson<Reason[]>(e.reasons, []);
        const text = reasons.map((r) => (locale === 'en' ? r.en : r.zh)).join(locale === 'en' ? '; ' : '；');
        ws.addRow([...headers.map((_, i) => cells[i] ?? ''), text, e.row_no]).commit();
        after = e.row_no;
      }
      if (page.length < 1000) break;
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  const base = row.file_name.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-${locale === 'en' ? 'errors' : '错误报告'}.xlsx`, stream: Readable.toWeb(out) as ReadableStream<Uint8Array> };
}
