#!/usr/bin/env node
// Measures `npx guanxi import` and `npx guanxi export` on a generated file: rows per second and the importing
// process's resident memory sampled every second (docs/performance.md, "Imports and exports").
// Usage: node scripts/measure-import.mjs --db URL [--rows 100000] [--format csv|xlsx] [--dir DIR]
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { db: { type: 'string' }, rows: { type: 'string', default: '100000' }, dir: { type: 'string', default: './data/measure' } } });
if (!values.db) throw new Error('--db URL is required');
const rows = Number(values.rows);
const dir = resolve(values.dir);
mkdirSync(dir, { recursive: true });
const BIN = resolve(import.meta.dirname, '../server/bin/guanxi.mjs');
const env = { ...process.env, DATABASE_URL: values.db, ATTACHMENTS_DIR: join(dir, 'files'), LOG_LEVEL: 'warn', LANG: 'en_US.UTF-8' };
const stamp = Date.now().toString(36);
const admin = `measure-${stamp}@example.com`;
execFileSync(process.execPath, [BIN, 'org', 'create', '--name', `导入测量${stamp}`, '--admin-email', admin, '--admin-password', 'Passw0rd1'], { env });

const file = join(dir, `import-${stamp}.csv`);
const out = createWriteStream(file);
out.write('客户名称,所属行业,客户来源,联系人,手机,邮箱,详细地址,需求描述\n');
for (let i = 1; i <= rows; i++) {
  const bad = i % 100 === 0;
  const mobile = bad ? '12345' : `1${3 + (i % 7)}${String(i * 37).padStart(9, '0').slice(-9)}`;
  const line = `测量${stamp}客户${i}有限公司,制造业,展会推广,联系人${i},${mobile},c${i}@example.com,科技园路${i}号,需要 ${i % 50} 台设备\n`;
  if (!out.write(line)) await new Promise((r) => out.once('drain', r));
}
await new Promise((r) => out.end(r));

function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function measure(args) {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => process.stderr.write(d));
  const samples = [];
  const timer = setInterval(() => {
    const rss = rssOf(child.pid);
    if (rss !== null) samples.push({ s: Math.round((Date.now() - started) / 1000), rss: Math.round(rss) });
  }, 1000);
  const code = await new Promise((r) => child.once('exit', r));
  clearInterval(timer);
  return { code, seconds: (Date.now() - started) / 1000, stdout, samples };
}

const imp = await measure(['import', file, '--type', 'customers', '--org', admin]);
const exp = await measure(['export', '--type', 'customers', '--org', admin, '--out', join(dir, `export-${stamp}.csv`)]);
const expX = await measure(['export', '--type', 'customers', '--org', admin, '--out', join(dir, `export-${stamp}.xlsx`)]);
const summary = (m) => {
  const r = m.samples.map((x) => x.rss);
  const at = (p) => m.samples[Math.min(m.samples.length - 1, Math.floor(m.samples.length * p))]?.rss;
  return { seconds: m.seconds, exit: m.code, rssMiB: { min: Math.min(...r), max: Math.max(...r), at10: at(0.1), at50: at(0.5), at90: at(0.9) }, samples: m.samples.length };
};
const result = {
  db: values.db.replace(/\/\/[^@]*@/, '//'), rows,
  import: { ...summary(imp), rowsPerSecond: Math.round(rows / imp.seconds), output: imp.stdout.trim() },
  exportCsv: { ...summary(exp), output: exp.stdout.trim() },
  exportXlsx: { ...summary(expX), output: expX.stdout.trim() },
  rssSeries: imp.samples.filter((_, i) => i % 10 === 0),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
