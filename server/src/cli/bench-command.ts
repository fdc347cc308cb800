import { writeFile } from 'node:fs/promises';
import type { Config } from '../config';
import { runBench } from '../bench/bench-runner';
import { formatReport } from '../bench/bench-report';

type Values = Record<string, string | boolean | undefined>;

export const BENCH_HELP =
  'npx guanxi bench [--db URL] [--customers N] [--out FILE] [--requests N] [--concurrency N] [--duration SECONDS] [--only NAME,…]\n' +
  '  Measures customer lists, search, the 360 view and writes against the real server (a separate process on a free\n' +
  '  loopback port) on a bench account with N demo customers (default 1,000,000; seeded when missing, reused after),\n' +
  '  beside two floors: the bare HTTP round trip (/api/health) and the same SQL run directly on the database.\n' +
  '  --db defaults to sqlite:./data/bench.db (never your DATABASE_URL: the bench writes to the database it measures).\n' +
  '  --requests: timed requests per scenario (200); --concurrency and --duration: the mixed read workload (32, 30 s).\n' +
  '  Prints a table and the budgets; --out FILE writes every figure, and the SQL of each scenario, as JSON.';

const whole = (v: string | boolean | undefined, name: string, fallback: number): number => {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^\d+$/.test(v.replace(/[_,]/g, ''))) throw new Error(`--${name} must be a whole number`);
  return Number(v.replace(/[_,]/g, ''));
};

/** `npx guanxi bench`: exit status 0 when it ran (missed budgets are reported, not failures), 1 when it could not run. */
export async function runBenchCommand(values: Values, config: Config): Promise<void> {
  const databaseUrl = typeof values.db === 'string' ? values.db : 'sqlite:./data/bench.db';
  const out = typeof values.out === 'string' ? values.out : undefined;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let last = 0;
  const requests = Math.max(1, whole(values.requests, 'requests', 200));
  const report = await runBench({
    databaseUrl, config: { ...config, DATABASE_URL: databaseUrl }, log,
    customers: whole(values.customers, 'customers', 1_000_000),
    requests,
    // Warm caches and the JIT; a short run (a quick look at a slow database) warms up less.
    warmup: Math.min(20, requests),
    connections: Math.max(1, whole(values.concurrency, 'concurrency', 32)),
    mixedSeconds: whole(values.duration, 'duration', 30),
    only: typeof values.only === 'string' ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    onSeedProgress: (p) => {
      if (Date.now() - last < 5000 && p.done < p.total) return;
      last = Date.now();
      log(`  seeding: ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')} customers (${Math.round(p.done / Math.max(0.001, p.elapsedMs / 1000)).toLocaleString('en')}/s)`);
    },
  });
  process.stdout.write(`${formatReport(report)}\n`);
  if (out) {
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${out}`);
  }
}
