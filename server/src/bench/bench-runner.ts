import type { Config } from '../config';
import { createDb } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { systemClock } from '../lib/clock';
import type { AppDeps } from '../lib/http';
import { createLogger } from '../lib/logger';
import { loadOrCreateSecret } from '../lib/secret';
import type { SeedProgress } from '../features/demo/demo-seed.service';
import { openCapture, type CaptureApp, type CapturedQuery } from './bench-capture';
import { ensureBenchFixtures, type BenchFixtures } from './bench-fixtures';
import { openFloor, type FloorTimer } from './bench-floor';
import { BenchHttp, sessionHeaders, signIn, type BenchSession } from './bench-http';
import { runMixed } from './bench-mixed';
import { judge, type BenchReport, type ScenarioResult } from './bench-report';
import { benchScenarios, type BenchScenario, type Who } from './bench-scenarios';
import { startServerProcess } from './bench-server';
import { runExport, runImport, type TransferResult } from './bench-transfer';
import { msSince, summarize } from './bench-stats';
import { ensureBenchTenant } from './bench-tenant';

export type BenchOptions = {
  databaseUrl: string;
  customers: number;
  /** Timed requests (iterations) per scenario, after `warmup` untimed ones. */
  requests: number;
  warmup: number;
  connections: number;
  mixedSeconds: number;
  /** Run only the scenarios whose name contains one of these. */
  only?: string[];
  /** Rows of the import-xlsx sheet (default: a tenth of `customers`, 100 to 100,000). */
  importRows?: number;
  config: Config;
  log: (line: string) => void;
  onSeedProgress?: (p: SeedProgress) => void;
};

type Ctx = { http: BenchHttp; sessions: Record<Who, BenchSession>; capture: CaptureApp; floor: FloorTimer; opts: BenchOptions };

async function prepareDatabase(opts: BenchOptions): Promise<{ fixtures: BenchFixtures; secret: string; customers: number; seededNow: number }> {
  const handle = createDb(opts.databaseUrl);
  try {
    await migrateToLatest(handle.db, handle.dialect);
    const secret = await loadOrCreateSecret(handle.db, opts.config.GUANXI_SECRET);
    const deps: AppDeps = { db: handle.db, dialect: handle.dialect, config: opts.config, clock: systemClock, logger: createLogger('warn'), secret };
    const tenant = await ensureBenchTenant(deps, { customers: opts.customers, onProgress: opts.onSeedProgress });
    opts.log(tenant.seededNow ? `seeded ${tenant.seededNow.toLocaleString('en')} customers in ${(tenant.seedMs / 1000).toFixed(0)} s` : `reusing the bench account (${tenant.customers.toLocaleString('en')} customers)`);
    const fixtures = await ensureBenchFixtures(deps, tenant.tenantId);
    return { fixtures, secret, customers: tenant.customers, seededNow: tenant.seededNow };
  } finally {
    await handle.destroy();
  }
}

async function runScenario(ctx: Ctx, s: BenchScenario): Promise<ScenarioResult> {
  const { http, sessions, opts } = ctx;
  const send = (step: ReturnType<BenchScenario['steps']>[number]) => http.send(step.req, sessionHeaders(sessions[step.who], step.req.method));
  await s.prepare?.(async (who, path) => JSON.parse((await http.send({ method: 'GET', path }, sessionHeaders(sessions[who], 'GET'))).text));
  const samples: number[] = [];
  const errorSamples = new Set<string>();
  let errors = 0;
  let started = process.hrtime.bigint();
  for (let i = 0; i < opts.warmup + opts.requests; i++) {
    if (i === opts.warmup) started = process.hrtime.bigint();
    let total = 0;
    for (const step of s.steps(i)) {
      const res = await send(step);
      total += res.ms;
      let body: unknown = null;
      try {
        body = res.text ? JSON.parse(res.text) : null;
      } catch {
        // a non-JSON answer fails its check below
      }
      const problem = step.check(res.status, body);
      if (problem && i >= opts.warmup) {
        errors++;
        if (errorSamples.size < 3) errorSamples.add(`${step.req.method} ${step.req.path.split('?')[0]}: ${problem} ${res.text.slice(0, 160)}`);
      }
      if (!problem) s.observe?.(i, body);
    }
    if (i >= opts.warmup) samples.push(total);
  }
  const wallSeconds = msSince(started) / 1000;

  // The same request once more in-process, recording its SQL (rolled back), then that SQL on the raw driver.
  const queries: CapturedQuery[] = [];
  const captureProblems: string[] = [];
  for (const step of s.steps(opts.warmup + opts.requests)) {
    const c = await ctx.capture.run(step, sessions[step.who]);
    const problem = step.check(c.status, c.body);
    if (problem) captureProblems.push(`${step.req.method} ${step.req.path.split('?')[0]}: ${problem}`);
    queries.push(...c.queries);
  }
  const floor = await ctx.floor.time(queries, { iterations: opts.requests, warmup: Math.min(opts.warmup, 10) });
  const latency = summarize(samples);
  return {
    name: s.name, title: s.title, kind: s.kind, requestsPerIteration: s.steps(0).length, latency,
    requestsPerSecond: (samples.length * s.steps(0).length) / wallSeconds, errors, errorSamples: [...errorSamples], captureProblems,
    floor, ratio: floor.p95 > 0 ? latency.p95 / floor.p95 : null, queries,
  };
}

/**
 * `npx guanxi bench`: prepares the bench account, starts the real server as a separate process, runs every scenario
 * (sequential requests, then the mixed workload) and returns the figures beside their floors and budgets.
 */
export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date();
  const prepared = await prepareDatabase(opts);
  const runTag = Math.floor(Date.now() / 1000) % 100_000;
  const all = benchScenarios(prepared.fixtures, runTag);
  const scenarios = opts.only?.length ? all.filter((s) => opts.only!.some((o) => s.name.includes(o))) : all;

  opts.log('starting the server…');
  const server = await startServerProcess({ databaseUrl: opts.databaseUrl, env: opts.config.GUANXI_SECRET ? { GUANXI_SECRET: opts.config.GUANXI_SECRET } : {} });
  const http = new BenchHttp(server.url);
  const capture = await openCapture(opts.databaseUrl, opts.config, prepared.secret);
  const floor = await openFloor(opts.databaseUrl);
  const jobServers: Array<{ stop(): Promise<void> }> = [];
  try {
    const f = prepared.fixtures;
    const sessions = { admin: await signIn(http, f.admin.email, f.admin.password), rep: await signIn(http, f.rep.email, f.rep.password) };
    const ctx: Ctx = { http, sessions, capture, floor, opts };

    const health: number[] = [];
    for (let i = 0; i < opts.warmup + opts.requests; i++) {
      const res = await http.send({ method: 'GET', path: '/api/health' });
      if (res.status !== 200) throw new Error(`/api/health answered ${res.status}`);
      if (i >= opts.warmup) health.push(res.ms);
    }
    const results: ScenarioResult[] = [];
    for (const s of scenarios) {
      opts.log(`  ${s.name}…`);
      try {
        results.push(await runScenario(ctx, s));
      } catch (err) {
        // One broken scenario is a finding, not a reason to lose the figures of the others.
        const none = summarize([]);
        results.push({
          name: s.name, title: s.title, kind: s.kind, requestsPerIteration: s.steps(0).length, latency: none, requestsPerSecond: 0,
          errors: opts.requests, errorSamples: [`failed: ${err instanceof Error ? err.message : String(err)}`], captureProblems: [], floor: null,
          ratio: null, queries: [],
        });
      }
    }
    let mixed = null;
    if (opts.mixedSeconds > 0 && scenarios.some((s) => s.kind === 'read')) {
      opts.log(`  mixed reads, ${opts.connections} connections, ${opts.mixedSeconds} s…`);
      mixed = await runMixed({ url: server.url, sessions, scenarios, connections: opts.connections, seconds: opts.mixedSeconds });
    }
    // Throughput scenarios last: export every customer, then import a sheet (which adds customers).
    const transfers: TransferResult[] = [];
    const wanted = (name: string) => !opts.only?.length || opts.only.some((o) => name.includes(o));
    // Imports and exports run on the job queue, which the latency server keeps off: a second server with it on.
    let jobServer: Awaited<ReturnType<typeof startServerProcess>> | null = null;
    if (wanted('export-csv') || wanted('import-xlsx')) {
      opts.log('starting a server with the job queue on…');
      jobServer = await startServerProcess({
        databaseUrl: opts.databaseUrl, env: { ...(opts.config.GUANXI_SECRET ? { GUANXI_SECRET: opts.config.GUANXI_SECRET } : {}), JOBS: 'on', JOBS_POLL_MS: '100' },
      });
      jobServers.push(jobServer);
    }
    const tctx = { base: jobServer?.url ?? server.url, admin: sessions.admin, server: jobServer ?? server, runTag, log: opts.log };
    if (wanted('export-csv')) {
      opts.log('  export-csv…');
      transfers.push(await runExport(tctx, prepared.customers));
    }
    if (wanted('import-xlsx')) {
      const rows = opts.importRows ?? Math.min(100_000, Math.max(100, Math.floor(prepared.customers / 10)));
      opts.log(`  import-xlsx (${rows.toLocaleString('en')} rows)…`);
      transfers.push(await runImport(tctx, rows));
    }
    const report: Omit<BenchReport, 'budgets'> = {
      meta: {
        startedAt: startedAt.toISOString(), dialect: opts.databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres',
        database: opts.databaseUrl.replace(/\/\/[^@/]*@/, '//…@'), customers: prepared.customers, node: process.version,
        requests: opts.requests, warmup: opts.warmup,
      },
      health: summarize(health), scenarios: results, mixed, transfers, serverPeakRssMb: server.peakRssMb(),
    };
    return { ...report, budgets: judge(report) };
  } finally {
    http.close();
    await capture.close();
    await floor.close();
    await server.stop();
    for (const s of jobServers) await s.stop();
  }
}
