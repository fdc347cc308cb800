import type { CapturedQuery } from './bench-capture';
import type { MixedResult } from './bench-mixed';
import { fmt, type LatencySummary } from './bench-stats';
import type { TransferResult } from './bench-transfer';

export type ScenarioResult = {
  name: string;
  title: string;
  kind: 'read' | 'write';
  requestsPerIteration: number;
  /** One sample per iteration: the iteration's requests one after the other. */
  latency: LatencySummary;
  requestsPerSecond: number;
  errors: number;
  errorSamples: string[];
  /** Wrong answers of the in-process run that captured the SQL (the floor then measures the wrong thing). */
  captureProblems: string[];
  /** The same SQL on the raw driver (see bench-floor.ts). */
  floor: LatencySummary | null;
  /** p95 over the floor's p95. */
  ratio: number | null;
  queries: CapturedQuery[];
};

export type Budget = { what: string; target: string; value: string; ok: boolean };

export type BenchReport = {
  meta: { startedAt: string; dialect: string; database: string; customers: number; node: string; requests: number; warmup: number };
  /** The bare HTTP round trip: GET /api/health. */
  health: LatencySummary;
  scenarios: ScenarioResult[];
  mixed: MixedResult | null;
  /** Import and export: rows/s and the server's peak RSS while each ran. */
  transfers: TransferResult[];
  serverPeakRssMb: number;
  budgets: Budget[];
};

/** Budgets of issue 6 (2 cores, SQLite, 1M customers); PostgreSQL figures are judged by the same yardstick. */
export const BUDGET = { readP95Ms: 50, readFloorRatio: 3, writeP95Ms: 30, mixedRps: 1000, rssMb: 500, importRowsPerSecond: 10_000, exportRowsPerSecond: 50_000 } as const;

export function judge(r: Omit<BenchReport, 'budgets'>): Budget[] {
  const out: Budget[] = [];
  for (const s of r.scenarios) {
    const ms = s.kind === 'read' ? BUDGET.readP95Ms : BUDGET.writeP95Ms;
    out.push({ what: `${s.name} p95`, target: `≤ ${ms} ms`, value: `${fmt(s.latency.p95)} ms`, ok: s.latency.p95 <= ms });
    if (s.kind === 'read' && s.ratio !== null) {
      out.push({ what: `${s.name} p95 / SQL floor p95`, target: `≤ ${BUDGET.readFloorRatio}×`, value: `${s.ratio.toFixed(1)}×`, ok: s.ratio <= BUDGET.readFloorRatio });
    }
    out.push({ what: `${s.name} errors`, target: '0', value: String(s.errors + s.captureProblems.length), ok: s.errors + s.captureProblems.length === 0 });
  }
  if (r.mixed) {
    out.push({ what: 'mixed reads req/s', target: `≥ ${BUDGET.mixedRps}`, value: fmt(r.mixed.requestsPerSecond), ok: r.mixed.requestsPerSecond >= BUDGET.mixedRps });
    out.push({ what: 'mixed reads errors', target: '0', value: String(r.mixed.errors), ok: r.mixed.errors === 0 });
  }
  for (const x of r.transfers) {
    const min = x.name === 'import-xlsx' ? BUDGET.importRowsPerSecond : BUDGET.exportRowsPerSecond;
    out.push({ what: `${x.name} rows/s`, target: `≥ ${min.toLocaleString('en')}`, value: fmt(x.rowsPerSecond), ok: x.rowsPerSecond >= min });
    out.push({ what: `${x.name} server peak RSS`, target: `≤ ${BUDGET.rssMb} MB`, value: `${fmt(x.peakRssMb)} MB`, ok: x.peakRssMb <= BUDGET.rssMb });
    out.push({ what: `${x.name} errors`, target: '0', value: String(x.errors.length), ok: x.errors.length === 0 });
  }
  out.push({ what: 'server peak RSS', target: `≤ ${BUDGET.rssMb} MB`, value: `${fmt(r.serverPeakRssMb)} MB`, ok: r.serverPeakRssMb <= BUDGET.rssMb });
  return out;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The figures as a plain-text table (milliseconds), then the budgets with ✓ or ✗. */
export function formatReport(r: BenchReport): string {
  const rows = [['scenario', 'p50', 'p95', 'p99', 'req/s', 'errors', 'SQL p50', 'SQL p95', 'p95/SQL']];
  rows.push(['health (HTTP floor)', fmt(r.health.p50), fmt(r.health.p95), fmt(r.health.p99), '—', '0', '—', '—', '—']);
  for (const s of r.scenarios) {
    rows.push([
      s.name, fmt(s.latency.p50), fmt(s.latency.p95), fmt(s.latency.p99), fmt(s.requestsPerSecond), String(s.errors),
      fmt(s.floor?.p50), fmt(s.floor?.p95), s.ratio === null ? '—' : `${s.ratio.toFixed(1)}×`,
    ]);
  }
  if (r.mixed) {
    const m = r.mixed;
    rows.push([`mixed reads (${m.connections} conn, ${Math.round(m.seconds)} s)`, fmt(m.latency.p50), fmt(m.latency.p95), fmt(m.latency.p99), fmt(m.requestsPerSecond), String(m.errors), '—', '—', '—']);
  }
  const transfers = r.transfers.length
    ? ['', table([['transfer', 'rows', 'seconds', 'rows/s', 'peak RSS MB', 'errors'], ...r.transfers.map((x) => [x.name, String(x.rows), x.seconds.toFixed(1), fmt(x.rowsPerSecond), fmt(x.peakRssMb), String(x.errors.length)])])]
    : [];
  const head = `Guanxi bench — ${r.meta.dialect}, ${r.meta.customers.toLocaleString('en')} customers, ${r.meta.requests} requests per scenario (after ${r.meta.warmup} warm-up), times in ms`;
  const budgets = r.budgets.map((b) => `  ${b.ok ? '✓' : '✗'} ${b.what}: ${b.value} (${b.target})`).join('\n');
  const errors = [
    ...r.scenarios.flatMap((s) => [...s.errorSamples, ...s.captureProblems].map((e) => `  ${s.name}: ${e}`)), ...(r.mixed?.errorSamples ?? []).map((e) => `  mixed: ${e}`),
    ...r.transfers.flatMap((x) => x.errors.map((e) => `  ${x.name}: ${e}`)),
  ];
  return [head, '', table(rows), ...transfers, '', `server peak RSS: ${fmt(r.serverPeakRssMb)} MB`, '', 'budgets:', budgets, ...(errors.length ? ['', 'errors:', ...errors] : [])].join('\n');
}
