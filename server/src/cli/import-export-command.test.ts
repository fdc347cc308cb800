import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, databaseUrl } from '../../test/dialects';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/guanxi.mjs');

async function guanxi(args: string[], env: Record<string, string>) {
  try {
    const r = await run(process.execPath, [BIN, ...args], { env: { ...process.env, LANG: 'zh_CN.UTF-8', ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

for (const dialect of DIALECTS) {
  describe(`npx guanxi import / export [${dialect}]`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'guanxi-cli-import-'));
    const url = dialect === 'sqlite' ? `sqlite:${join(dir, 'cli.db')}` : databaseUrl(dialect);
    const env = { DATABASE_URL: url, ATTACHMENTS_DIR: join(dir, 'files'), LOG_LEVEL: 'silent' };
    const stamp = `${Date.now()}${dialect}`;
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('imports with a mapping file, writes the error report, exits 2 on failed rows; exports the list', async () => {
      const admin = `cli-imp-${stamp}@example.com`;
      expect((await guanxi(['org', 'create', '--name', '命令行导入', '--admin-email', admin, '--admin-password', 'Passw0rd1'], env)).code).toBe(0);
      const csv = join(dir, 'in.csv');
      writeFileSync(csv, `单位全称,行业,渠道,对接人,号码\n命令行${stamp}甲公司,制造业,展会推广,甲,13611112222\n命令行${stamp}乙公司,制造业,展会推广,乙,12\n`);
      const mapping = join(dir, 'mapping.json');
      writeFileSync(mapping, JSON.stringify({ mapping: { 单位全称: 'name', 行业: 'industry', 渠道: 'source', 对接人: 'contact.name', 号码: 'contact.mobile' } }));
      const imp = await guanxi(['import', csv, '--type', 'customers', '--mapping', mapping, '--org', admin], env);
      expect(imp.stdout).toMatch(/done: 2 rows — created 1, updated 0, skipped 0, failed 1/);
      expect(imp.code).toBe(2);
      expect(existsSync(`${csv}.errors.xlsx`)).toBe(true);

      const out = join(dir, 'out.csv');
      const exp = await guanxi(['export', '--type', 'customers', '--out', out, '--org', admin, '--q', `命令行${stamp}`], env);
      expect(exp.code).toBe(0);
      expect(exp.stdout).toMatch(/exported 1 customers/);
      expect(readFileSync(out, 'utf8')).toContain(`命令行${stamp}甲公司`);

      const bad = await guanxi(['import', join(dir, 'missing.csv'), '--type', 'customers', '--org', admin], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    }, 60_000);
  });
}

describe('npx guanxi import/export --help', () => {
  it('explains the options', async () => {
    const imp = await guanxi(['import', '--help'], {});
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('--mapping FILE');
    const exp = await guanxi(['export', '--help'], {});
    expect(exp.stdout).toContain('--out FILE');
  });
});
