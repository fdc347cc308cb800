import { execFile } from 'node:child_process';
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
  describe(`npx guanxi [${dialect}]`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'guanxi-cli-'));
    const url = dialect === 'sqlite' ? `sqlite:${join(dir, 'cli.db')}` : databaseUrl(dialect);
    const env = { DATABASE_URL: url };
    const stamp = `${Date.now()}${dialect}`;
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('creates an enterprise account, a user (mobile normalised, role by code) and an API token', async () => {
      const admin = `cli-admin-${stamp}@example.com`;
      const org = await guanxi(['org', 'create', '--name', '华星科技', '--admin-email', admin, '--admin-password', 'Passw0rd1'], env);
      expect(org.stderr).toBe('');
      expect(org.code).toBe(0);
      expect(org.stdout).toMatch(/created enterprise account \S+ with admin/);

      const rep = `cli-rep-${stamp}@example.com`;
      const user = await guanxi(
        ['user', 'create', '--org', admin, '--name', '张三', '--email', rep, '--password', 'Passw0rd1', '--mobile', '+86 138 1234 5678', '--role', 'sales'],
        env,
      );
      expect(user.code).toBe(0);

      const token = await guanxi(['token', 'create', '--user', rep, '--name', 'ERP 对接'], env);
      expect(token.code).toBe(0);
      expect(token.stdout.trim()).toMatch(/^gx_\w{8}_[\w-]+$/);

      const h = createDb(url, { poolSize: 1 });
      const row = await h.db.selectFrom('users').innerJoin('roles', 'roles.id', 'users.role_id')
        .select(['users.mobile', 'roles.code']).where('users.email', '=', rep).executeTakeFirstOrThrow();
      await h.destroy();
      expect(row).toEqual({ mobile: '13812345678', code: 'sales' });
    });

    it('exits non-zero with a one-line reason on bad input', async () => {
      const bad = await guanxi(['org', 'create', '--name', 'X', '--admin-email', 'nope', '--admin-password', 'short'], env);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).toContain('Email must be an email address');
      const unknown = await guanxi(['frobnicate'], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('unknown command');
    });
  });
}

describe('npx guanxi --help', () => {
  it('lists the commands and explains each', async () => {
    const help = await guanxi(['--help'], {});
    expect(help.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'org create', 'user create', 'token create']) expect(help.stdout).toContain(cmd);
    const sub = await guanxi(['token', 'create', '--help'], {});
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--user EMAIL');
  });
});
