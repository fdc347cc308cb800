/** Latency figures of one series of samples, in milliseconds. */
export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number; mean: number };

/** Nearest-rank percentile of sorted samples (no interpolation: every figure is a latency that was measured). */
function rank(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    count: sorted.length, p50: rank(sorted, 50), p95: rank(sorted, 95), p99: rank(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN, mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Milliseconds since `start` (a process.hrtime.bigint() reading), with microsecond resolution. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A figure for the table: one decimal below 100, whole numbers above. */
export function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en');
}
