import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionHeaders, type BenchSession } from './bench-http';
import type { ServerProcess } from './bench-server';

/** An import or export: measured by throughput and the server's memory, not by request latency. */
export type TransferResult = {
  name: 'import-xlsx' | 'export-csv';
  title: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** The server process's peak resident memory while the transfer ran (sampled every 50 ms). */
  peakRssMb: number;
  errors: string[];
};

export type TransferCtx = { base: URL; admin: BenchSession; server: Pick<ServerProcess, 'rssMb'>; runTag: number; log: (line: string) => void };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call(ctx: TransferCtx, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'Accept-Language': 'zh-CN', ...sessionHeaders(ctx.admin, method) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(new URL(`/api/v1${path}`, ctx.base), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Samples the server's RSS until stopped; the peak in MB. */
function rssSampler(server: TransferCtx['server']) {
  let peak = server.rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, server.rssMb())), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, server.rssMb());
  };
}

/** Polls a job's status until it leaves queued/running (at most `limitMs`). */
async function poll(ctx: TransferCtx, path: string, limitMs: number): Promise<any> {
  const until = Date.now() + limitMs;
  for (;;) {
    const r = await call(ctx, 'GET', path);
    if (r.status !== 200) throw new Error(`GET ${path}: status ${r.status}`);
    if (!['uploaded', 'queued', 'running'].includes(r.body.status)) return r.body;
    if (Date.now() > until) throw new Error(`${path} still ${r.body.status} after ${limitMs / 1000} s`);
    await sleep(200);
  }
}

const IMPORT_HEADERS = ['公司名称', '联系人', '手机', '邮箱', '职位', '详细地址', '客户需求'];

/**
 * The import sheet: `rows` customers with their first contact, written with exceljs (streaming) into the temp
 * directory before the timed part. Names, mobiles and e-mails carry the run's tag, so every run imports new
 * customers (145 is a mobile prefix neither the demo nor the other scenarios use).
 */
async function importSheet(rows: number, run: string): Promise<string> {
  const dir = join(tmpdir(), 'guanxi-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `import-${rows}-${run}.xlsx`);
  if (existsSync(file)) return file;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('客户');
  ws.addRow(IMPORT_HEADERS).commit();
  const cities = ['杭州', '苏州', '成都', '武汉', '西安', '青岛', '厦门', '长沙'];
  const words = ['智能装备', '新材料', '供应链管理', '信息技术', '环保科技', '医疗器械', '食品', '电子商务'];
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      `${cities[i % cities.length]}导入${run}号${i}${words[i % words.length]}有限公司`, `${surnames[i % surnames.length]}经理`,
      `145${run}${String(i).padStart(5, '0')}`, `import${run}.${i}@example.com`, '采购经理', `工业园区${(i % 300) + 1}号`, '批量采购，希望年底前交付',
    ]).commit();
  }
  await wb.commit();
  return file;
}

/**
 * import-xlsx: uploads the sheet through POST /imports (multipart, started at once with the proposed mapping and
 * "skip" for duplicates), polls GET /imports/{id} until done. Time from upload to done.
 */
export async function runImport(ctx: TransferCtx, rows: number): Promise<TransferResult> {
  const title = `Import ${rows.toLocaleString('en')} customers from xlsx (upload → done)`;
  const out: TransferResult = { name: 'import-xlsx', title, rows: 0, seconds: 0, rowsPerSecond: 0, peakRssMb: 0, errors: [] };
  const run = String(ctx.runTag % 1000).padStart(3, '0');
  const bytes = new Uint8Array(readFileSync(await importSheet(rows, run)));
  const stop = rssSampler(ctx.server);
  const started = process.hrtime.bigint();
  try {
    const form = new FormData();
    form.append('file', new File([bytes], `bench-import-${rows}.xlsx`));
    form.append('type', 'customers');
    form.append('duplicatePolicy', 'skip');
    form.append('defaults', JSON.stringify({ industry: 'C', source: 'other' }));
    const res = await fetch(new URL('/api/v1/imports', ctx.base), { method: 'POST', headers: { 'Accept-Language': 'zh-CN', ...sessionHeaders(ctx.admin, 'POST') }, body: form });
    const body = (await res.json()) as any;
    if (res.status !== 201) throw new Error(`POST /imports: status ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    const done = await poll(ctx, `/imports/${body.id}`, 60_000 + rows * 5);
    out.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    out.rows = done.created;
    if (done.status !== 'done') out.errors.push(`import ended ${done.status}: ${done.error ?? ''}`);
    if (done.created !== rows) out.errors.push(`created ${done.created} of ${rows} (failed ${done.failed}, skipped ${done.skipped})`);
  } catch (err) {
    out.errors.push(err instanceof Error ? err.message : String(err));
  } finally {
    out.peakRssMb = stop();
  }
  out.rowsPerSecond = out.seconds > 0 ? out.rows / out.seconds : 0;
  return out;
}

/**
 * export-csv: POST /exports for every customer as csv, polls until done, downloads the file (streamed: counts its
 * lines, never holds it). Time from request to the last byte.
 */
export async function runExport(ctx: TransferCtx, expected: number): Promise<TransferResult> {
  const out: TransferResult = { name: 'export-csv', title: 'Export every customer to csv (request → downloaded)', rows: 0, seconds: 0, rowsPerSecond: 0, peakRssMb: 0, errors: [] };
  const stop = rssSampler(ctx.server);
  const started = process.hrtime.bigint();
  try {
    const created = await call(ctx, 'POST', '/exports', { type: 'customers', format: 'csv' });
    if (created.status !== 201) throw new Error(`POST /exports: status ${created.status} ${JSON.stringify(created.body).slice(0, 200)}`);
    const done = await poll(ctx, `/exports/${created.body.id}`, 60_000 + expected * 5);
    if (done.status !== 'done') throw new Error(`export ended ${done.status}: ${done.error ?? ''}`);
    const res = await fetch(new URL(`/api/v1/exports/${created.body.id}/download`, ctx.base), { headers: sessionHeaders(ctx.admin, 'GET') });
    if (res.status !== 200 || !res.body) throw new Error(`download: status ${res.status}`);
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      for (let k = chunk.indexOf(10); k !== -1; k = chunk.indexOf(10, k + 1)) lines++;
    }
    out.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // CRLF-terminated rows; the first line is the header. A field with a line break would add lines: demo data has none.
    out.rows = lines - 1;
    if (out.rows !== done.total || out.rows < expected) out.errors.push(`downloaded ${out.rows} rows, export says ${done.total}, expected ≥ ${expected}`);
  } catch (err) {
    out.errors.push(err instanceof Error ? err.message : String(err));
  } finally {
    out.peakRssMb = stop();
  }
  out.rowsPerSecond = out.seconds > 0 ? out.rows / out.seconds : 0;
  return out;
}
