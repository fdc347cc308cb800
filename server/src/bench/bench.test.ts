import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../config';
import { DIALECTS } from '../../test/dialects';
import { formatReport } from './bench-report';
import { runBench } from './bench-runner';

const dir = mkdtempSync(join(tmpdir(), 'guanxi-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A smoke run: every scenario runs end to end against a real server process and answers correctly. Its speed is
// never checked here (2,000 customers and a shared CI machine say nothing about 1,000,000); `npx guanxi bench` does.
describe.each(DIALECTS)('npx guanxi bench (%s, smoke run)', (dialect) => {
  it('runs every scenario with right answers, captures their SQL and times its floor', { timeout: 180_000 }, async () => {
    const databaseUrl = dialect === 'sqlite' ? `sqlite:${join(dir, 'bench.db')}` : inject('postgresUrl')!;
    const report = await runBench({
      databaseUrl, customers: 2000, requests: 3, warmup: 1, connections: 4, mixedSeconds: 1,
      config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl } as NodeJS.ProcessEnv), log: () => {},
    });

    expect(report.meta.customers).toBeGreaterThanOrEqual(2000);
    expect(report.health.count).toBe(3);
    const names = report.scenarios.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([
      'list-dept-status-tag-rep', 'list-dept-status-tag-admin', 'list-tags-and-custom-admin', 'search-cn-2-chars',
      'search-cn-3-plus-chars', 'search-pinyin-initials', 'search-mobile-last-4', 'customer-360', 'create-customer', 'update-customer',
      'workbench-rep', 'create-followup',
    ]));
    for (const s of report.scenarios) {
      expect({ name: s.name, errors: s.errorSamples, capture: s.captureProblems }).toEqual({ name: s.name, errors: [], capture: [] });
      expect(s.latency.count).toBe(3);
      expect(s.floor?.count).toBe(3);
      // The capture saw the request's own statements (not just the session lookup).
      expect(s.queries.some((q) => /\bcustomers\b/.test(q.sql))).toBe(true);
    }
    // Import and export ran through the API and answered correctly (rows as many as asked / as the account has).
    expect(report.transfers.map((x) => ({ name: x.name, errors: x.errors }))).toEqual([{ name: 'export-csv', errors: [] }, { name: 'import-xlsx', errors: [] }]);
    expect(report.transfers[0]!.rows).toBeGreaterThanOrEqual(report.meta.customers);
    expect(report.transfers[1]!.rows).toBe(200);
    for (const x of report.transfers) expect(x.rowsPerSecond).toBeGreaterThan(0);
    expect(report.mixed?.errors).toBe(0);
    expect(report.mixed?.requests).toBeGreaterThan(0);
    expect(report.budgets.length).toBeGreaterThan(report.scenarios.length);
    expect(formatReport(report)).toContain('customer-360');
  });

  it('reuses the bench account on a second run', { timeout: 120_000 }, async () => {
    const databaseUrl = dialect === 'sqlite' ? `sqlite:${join(dir, 'bench.db')}` : inject('postgresUrl')!;
    const lines: string[] = [];
    const report = await runBench({
      databaseUrl, customers: 2000, requests: 1, warmup: 0, connections: 1, mixedSeconds: 0, only: ['customer-360'],
      config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl } as NodeJS.ProcessEnv), log: (l) => lines.push(l),
    });
    expect(lines.join('\n')).toContain('reusing the bench account');
    expect(report.scenarios.map((s) => s.name)).toEqual(['customer-360']);
    expect(report.scenarios[0]!.errors).toBe(0);
  });
});
