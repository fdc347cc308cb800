import { resolveLocale } from '@guanxi/common/i18n';
import { IMPORT_POLICIES, IMPORT_TYPES, type DuplicatePolicy, type ImportType, type TImportMapping } from '@guanxi/common/imports';
import { createWriteStream, openAsBlob } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { findActiveActor, type Actor } from '../lib/actor';
import type { AppDeps } from '../lib/http';
import { runImportQueue } from '../features/imports/import-runner';
import { getImport, importErrorReport, startImport, uploadImport } from '../features/imports/imports.service';

type Values = Record<string, string | boolean | undefined>;
const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

export const IMPORT_HELP =
  'npx guanxi import FILE --type customers|contacts|followups [--mapping FILE] [--policy skip|update|create] [--org ID-OR-EMAIL] [--user EMAIL]\n' +
  '  Imports an xlsx or csv file (UTF-8 or GBK/GB18030; comma, semicolon or tab) with the same engine as the web wizard:\n' +
  '  columns are mapped by their headers (Chinese or English, synonyms, the account\'s remembered choices) unless --mapping\n' +
  '  names a JSON file {"客户名称": "name", "手机": "contact.mobile", …} (keys: header text or 0-based column index;\n' +
  '  optionally {"mapping": {…}, "defaults": {"source": "展会推广"}}). Rows that look like an existing customer are\n' +
  '  skipped (--policy skip, the default), update it (update) or are created anyway (create).\n' +
  '  contacts: contacts of existing customers, named by 客户编号 or 客户名称 (a duplicate: same mobile or e-mail);\n' +
  '  followups: follow-up records (客户, 跟进时间, 跟进方式, 跟进内容, 跟进人 …; a duplicate: same time and content).\n' +
  '  contacts take --policy skip, update (the row\'s filled cells onto the matching contact) or create; followups skip or create.\n' +
  '  Runs as --user (default: the first administrator of --org; --org may be left out when there is one account).\n' +
  '  Prints progress on stderr and the counts on stdout; failed rows go to FILE.errors.xlsx with the reasons.\n' +
  '  --resume ID continues an interrupted import after its last committed batch (once its lease has expired).\n' +
  '  Exit status: 0 all rows in, 2 finished with failed rows, 1 could not run.';

/** Who the CLI imports as: --user, else the first active administrator of --org (or of the only account). */
export async function importActor(deps: AppDeps, values: Values): Promise<Actor> {
  const locale = resolveLocale(process.env.LANG?.replace('_', '-'));
  const extra = { locale, ip: null, via: 'session' as const };
  const email = str(values.user);
  if (email) {
    const u = await deps.db.selectFrom('users').select(['id', 'tenant_id']).where('email', '=', email.toLowerCase()).executeTakeFirst();
    const actor = u && (await findActiveActor(deps.db, { userId: u.id, tenantId: u.tenant_id }, extra));
    if (!actor) throw new Error(`no active user with email "${email}"`);
    return actor;
  }
  const org = str(values.org);
  let tenantId: string | undefined;
  if (org) {
    const byUser = await deps.db.selectFrom('users').select('tenant_id').where('email', '=', org.toLowerCase()).executeTakeFirst();
    tenantId = byUser?.tenant_id ?? (await deps.db.selectFrom('tenants').select('id').where('id', '=', org).executeTakeFirst())?.id;
    if (!tenantId) throw new Error(`no enterprise account found for "${org}" (give its id or a member's email)`);
  } else {
    const tenants = await deps.db.selectFrom('tenants').select('id').limit(2).execute();
    if (tenants.length !== 1) throw new Error('--org is required (the account id or the email of one of its users)');
    tenantId = tenants[0]!.id;
  }
  const admin = await deps.db.selectFrom('users').innerJoin('roles', 'roles.id', 'users.role_id').select('users.id')
    .where('users.tenant_id', '=', tenantId).where('roles.code', '=', 'admin').where('users.active', '=', deps.dialect === 'postgres' ? (true as never) : (1 as never))
    .orderBy('users.created_at').limit(1).executeTakeFirst();
  const actor = admin && (await findActiveActor(deps.db, { userId: admin.id, tenantId }, extra));
  if (!actor) throw new Error('the account has no active administrator; pass --user EMAIL');
  return actor;
}

async function readMapping(path: string, headers: string[]): Promise<{ mapping: TImportMapping; defaults?: Record<string, string> }> {
  const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const flat = (json.mapping && typeof json.mapping === 'object' ? json.mapping : json) as Record<string, string>;
  const mapping: TImportMapping = {};
  for (const [key, field] of Object.entries(flat)) {
    if (key === 'defaults') continue;
    const index = /^\d+$/.test(key) ? Number(key) : headers.indexOf(key);
    if (index < 0) throw new Error(`--mapping: the file has no column "${key}"`);
    mapping[String(index)] = field;
  }
  return { mapping, defaults: json.defaults as Record<string, string> | undefined };
}

/** `npx guanxi import`: returns the exit status. */
export async function runImportCommand(appDeps: AppDeps, positionals: string[], values: Values): Promise<number> {
  // The command runs the import itself, in the foreground; no background loop.
  const deps: AppDeps = { ...appDeps, config: { ...appDeps.config, JOBS: 'off' } };
  const log = (line: string) => process.stderr.write(line);
  const actor = await importActor(deps, values);
  const batchRows = str(values.batch) ? Math.max(1, Number(str(values.batch))) : undefined;
  let id = str(values.resume);
  const file = positionals[0];
  if (!id) {
    if (!file) throw new Error('give the FILE to import (xlsx or csv)');
    const type = (str(values.type) ?? 'customers') as ImportType;
    if (!IMPORT_TYPES.includes(type)) throw new Error(`--type must be one of ${IMPORT_TYPES.join(', ')}`);
    const policy = (str(values.policy) ?? 'skip') as DuplicatePolicy;
    if (!IMPORT_POLICIES[type].includes(policy)) throw new Error(`--policy must be one of ${IMPORT_POLICIES[type].join(', ')} for ${type}`);
    const blob = await openAsBlob(file);
    const preview = await uploadImport(deps, actor, { file: { name: basename(file), size: blob.size, stream: () => blob.stream() }, type });
    id = preview.import.id;
    const given = str(values.mapping) ? await readMapping(str(values.mapping)!, preview.columns.map((c) => c.header)) : undefined;
    const mapping = given?.mapping ?? Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [String(c.index), c.field!]));
    await startImport(deps, actor, id, { mapping, duplicatePolicy: policy, defaults: given?.defaults });
    log(`import ${id}: ${preview.columns.filter((c) => mapping[String(c.index)]).map((c) => `${c.header} → ${mapping[String(c.index)]}`).join(', ')}\n`);
  }
  const started = Date.now();
  let last = 0;
  await runImportQueue(deps, {
    id, batchRows,
    onProgress: ({ processed, total }) => {
      if (Date.now() - last < 1000 && processed !== total) return;
      last = Date.now();
      const rate = processed / Math.max(0.001, (Date.now() - started) / 1000);
      log(`  ${processed.toLocaleString('en')} / ${(total ?? 0).toLocaleString('en')} rows (${Math.round(rate).toLocaleString('en')} rows/s)\n`);
    },
  });
  const result = await getImport(deps, actor, id);
  if (result.status === 'running' || result.status === 'queued') {
    throw new Error(`import ${id} is being worked on by another process (its lease has not expired); try again later`);
  }
  process.stdout.write(`import ${id} ${result.status}: ${result.processed} rows — created ${result.created}, updated ${result.updated}, skipped ${result.skipped}, failed ${result.failed}\n`);
  if (result.status !== 'done') return 1;
  if (result.failed > 0) {
    const out = `${file ?? id}.errors.xlsx`;
    const report = await importErrorReport(deps, actor, id);
    await pipeline(Readable.fromWeb(report.stream as WebReadableStream<Uint8Array>), createWriteStream(out));
    process.stdout.write(`failed rows with their reasons: ${out}\n`);
    return 2;
  }
  return 0;
}
