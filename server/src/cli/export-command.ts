import { EXPORT_FORMATS, EXPORT_TYPES, ZCreateExportRequest } from '@guanxi/common/imports';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { AppDeps } from '../lib/http';
import { createExport, getExport, openExport, runExportQueue } from '../features/exports/exports.service';
import { importActor } from './import-command';

type Values = Record<string, string | boolean | undefined>;
const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

export const EXPORT_HELP =
  'npx guanxi export --type customers|contacts --out FILE [--format xlsx|csv] [--filter JSON] [--q KEYWORD] [--columns a,b,…]\n' +
  '  [--org ID-OR-EMAIL] [--user EMAIL]\n' +
  '  Writes a list to xlsx (default, or from the --out extension) or csv (UTF-8 with BOM) with the same engine as the\n' +
  '  web app: the condition language of the lists (--filter), the keyword search (--q), the list columns (--columns),\n' +
  '  the data scope and masking of --user (default: the first administrator), logged in the audit trail.\n' +
  '  Exit status: 0 written, 1 could not run.';

/** `npx guanxi export`: returns the exit status. */
export async function runExportCommand(appDeps: AppDeps, values: Values): Promise<number> {
  const deps: AppDeps = { ...appDeps, config: { ...appDeps.config, JOBS: 'off' } };
  const out = str(values.out);
  if (!out) throw new Error('--out FILE is required');
  const type = str(values.type) ?? 'customers';
  if (!(EXPORT_TYPES as readonly string[]).includes(type)) throw new Error(`--type must be one of ${EXPORT_TYPES.join(', ')}`);
  const format = str(values.format) ?? (out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const input = ZCreateExportRequest.parse({
    type, format, filter: str(values.filter), q: str(values.q), columns: str(values.columns)?.split(',').map((c) => c.trim()).filter(Boolean),
  });
  const actor = await importActor(deps, values);
  const job = await createExport(deps, actor, input);
  const started = Date.now();
  await runExportQueue(deps, { id: job.id });
  const done = await getExport(deps, actor, job.id);
  if (done.status !== 'done') throw new Error(`export ${job.id} ${done.status}${done.error ? `: ${done.error}` : ''}`);
  const file = await openExport(deps, actor, job.id);
  await pipeline(Readable.fromWeb(file.stream as WebReadableStream<Uint8Array>), createWriteStream(out));
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`exported ${done.processed} ${type} to ${out} in ${seconds.toFixed(1)} s (${Math.round(done.processed / Math.max(seconds, 0.001))} rows/s)\n`);
  return 0;
}
