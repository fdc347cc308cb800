import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, databaseUrl } from '../../test/dialects';
import { createDb } from '../db/create-db';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/guanxi.mjs');

async function guanxi(args: string[], env: Record<string, string>) {
  try {
    const r = await run(process.execPath, [BIN, ...args], { env: { ...process.env, LANG: 'en_US.UTF-8', ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

for (const dialect of DIALECTS) {
  describe(`npx guanxi seed [${dialect}]`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'guanxi-seed-'));
    const url = dialect === 'sqlite' ? `sqlite:${join(dir, 'seed.db')}` : databaseUrl(dialect);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('seeds a demo account with 200 customers and prints the admin login', async () => {
      const r = await guanxi(['seed', '--demo', '--customers', '200'], { DATABASE_URL: url });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^admin login: demo-admin\d*@guanxi\.local \/ guanxi-demo-2026$/m);
      expect(r.stdout).toMatch(/added 200 customers in [\d.]+ s/);
      const tenantId = r.stdout.match(/created demo enterprise account (\S+)/)![1]!;
      const h = createDb(url, { poolSize: 1 });
      const n = await h.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
      await h.destroy();
      expect(Number(n.n)).toBe(200);
    }, 60_000);

    it('exits non-zero with a one-line reason without --demo or with a bad count', async () => {
      for (const args of [['seed'], ['seed', '--demo', '--customers', 'many']]) {
        const r = await guanxi(args, { DATABASE_URL: url });
        expect(r.code).not.toBe(0);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      }
      const help = await guanxi(['seed', '--help'], {});
      expect(help.stdout).toContain('--customers N');
    }, 60_000);
  });
}

describe('npx guanxi seed, stopped with Ctrl-C', () => {
  // SQLite only: a 100,000-customer load runs in bulk-load mode, which on the shared PostgreSQL test database would
  // drop indexes under the other test files.
  it('stops after the current batch, leaves a complete database and exits 130 with how to continue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guanxi-seed-int-'));
    const url = `sqlite:${join(dir, 'seed.db')}`;
    try {
      const child = spawn(process.execPath, [BIN, 'seed', '--demo', '--customers', '100000'], { env: { ...process.env, DATABASE_URL: url } });
      let stdout = '';
      let signalled = false;
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (!signalled && stdout.includes('admin login')) {
          signalled = true;
          setTimeout(() => child.kill('SIGINT'), 1500);
        }
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(130);
      expect(stdout).toMatch(/stopped early; continue with: npx guanxi seed --demo --customers 100000 --org \S+/);
      const h = createDb(url, { poolSize: 1 });
      const settings = await h.db.selectFrom('app_settings').select('key').execute();
      const customers = await h.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      await h.destroy();
      expect(settings.map((s) => s.key)).not.toContain('bulk_load');
      expect(Number(customers.n) % 5000).toBe(0);
      expect(Number(customers.n)).toBeLessThan(100_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
