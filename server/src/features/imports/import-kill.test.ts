import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, databaseUrl } from '../../../test/dialects';
import { loadConfig } from '../../config';
import { createDb } from '../../db/create-db';
import { manualClock } from '../../lib/clock';
import type { AppDeps } from '../../lib/http';
import { createLogger } from '../../lib/logger';
import { runImportQueue } from './import-runner';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/guanxi.mjs');
const ROWS = 3000;
const BAD_EVERY = 10;

for (const dialect of DIALECTS) {
  describe(`an import killed midway [${dialect}]`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'guanxi-kill-'));
    const url = dialect === 'sqlite' ? `sqlite:${join(dir, 'kill.db')}` : databaseUrl(dialect);
    const env = { ...process.env, DATABASE_URL: url, ATTACHMENTS_DIR: join(dir, 'files'), LANG: 'en_US.UTF-8', LOG_LEVEL: 'silent' };
    const stamp = `${Date.now()}${dialect}`;
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('SIGKILL leaves no half-written row and counts that match the database; resuming finishes without duplicates', async () => {
      const admin = `kill-${stamp}@example.com`;
      await run(process.execPath, [BIN, 'org', 'create', '--name', '断点测试', '--admin-email', admin, '--admin-password', 'Passw0rd1'], { env });
      const lines = ['客户名称,所属行业,客户来源,联系人,手机'];
      for (let i = 1; i <= ROWS; i++) {
        const mobile = i % BAD_EVERY === 0 ? '123' : `13${String(100000000 + i * 7).slice(-9)}`;
        lines.push(`断点${stamp}客户${i}有限公司,制造业,展会推广,联系人${i},${mobile}`);
      }
      const file = join(dir, 'big.csv');
      writeFileSync(file, `${lines.join('\n')}\n`);

      const h = createDb(url, { poolSize: 2 });
      const tenant = await h.db.selectFrom('users').select('tenant_id').where('email', '=', admin).executeTakeFirstOrThrow();
      const tenantId = tenant.tenant_id;
      const child = spawn(process.execPath, [BIN, 'import', file, '--type', 'customers', '--org', admin, '--batch', '50'], { env, stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // Kill it once some batches are committed and most are not.
      let killedAt = 0;
      for (let i = 0; i < 600 && !killedAt; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const row = await h.db.selectFrom('imports').select(['processed', 'total']).where('tenant_id', '=', tenantId).executeTakeFirst();
        if (row && Number(row.processed) >= 300) {
          child.kill('SIGKILL');
          killedAt = Number(row.processed);
        }
      }
      await exited;
      expect(killedAt).toBeGreaterThan(0);

      const state = async () => {
        const imp = await h.db.selectFrom('imports').selectAll().where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
        const customers = await h.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
        const distinct = await h.db.selectFrom('customers').select((eb) => eb.fn.count<number>('name_norm').distinct().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
        const contacts = await h.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
        // A half-written row would be a customer without its contact (or the reverse) or without its audit entry.
        const orphans = await h.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('customers.tenant_id', '=', tenantId)
          .where((eb) => eb.not(eb.exists(eb.selectFrom('contacts').select('contacts.id').whereRef('contacts.customer_id', '=', 'customers.id')))).executeTakeFirstOrThrow();
        const audits = await h.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId)
          .where('entity', '=', 'customer').where('action', '=', 'create').executeTakeFirstOrThrow();
        const errors = await h.db.selectFrom('import_errors').select((eb) => eb.fn.countAll<number>().as('n')).where('import_id', '=', imp.id).executeTakeFirstOrThrow();
        return {
          imp, customers: Number(customers.n), distinct: Number(distinct.n), contacts: Number(contacts.n), orphans: Number(orphans.n),
          audits: Number(audits.n), errors: Number(errors.n),
        };
      };

      const mid = await state();
      expect(mid.imp.status).toBe('running');
      expect(Number(mid.imp.processed)).toBeGreaterThanOrEqual(killedAt);
      expect(Number(mid.imp.processed)).toBeLessThan(ROWS);
      // Exactly the rows up to the checkpoint are in: created + failed = processed, and the database agrees.
      expect(Number(mid.imp.created) + Number(mid.imp.failed) + Number(mid.imp.skipped)).toBe(Number(mid.imp.processed));
      expect(mid.customers).toBe(Number(mid.imp.created));
      expect(mid.contacts).toBe(mid.customers);
      expect(mid.audits).toBe(mid.customers);
      expect(mid.orphans).toBe(0);
      expect(mid.errors).toBe(Number(mid.imp.failed));
      expect(Number(mid.imp.failed)).toBe(Math.floor(Number(mid.imp.processed) / BAD_EVERY));

      // Another process resumes it once the dead one's lease has expired.
      const clock = manualClock(new Date(Date.now() + 5 * 60_000));
      const deps: AppDeps = {
        db: h.db, dialect: h.dialect, clock, logger: createLogger('silent'), secret: 'x'.repeat(40),
        config: loadConfig({ NODE_ENV: 'test', ATTACHMENTS_DIR: env.ATTACHMENTS_DIR, JOBS: 'off' } as NodeJS.ProcessEnv),
      };
      expect(await runImportQueue(deps, { batchRows: 200 })).toBe(1);
      const end = await state();
      const bad = Math.floor(ROWS / BAD_EVERY);
      expect(end.imp).toMatchObject({ status: 'done', processed: ROWS, total: ROWS });
      expect(Number(end.imp.created)).toBe(ROWS - bad);
      expect(Number(end.imp.failed)).toBe(bad);
      expect(end.customers).toBe(ROWS - bad);
      expect(end.distinct).toBe(ROWS - bad);
      expect(end.contacts).toBe(ROWS - bad);
      expect(end.audits).toBe(ROWS - bad);
      expect(end.errors).toBe(bad);
      await h.destroy();
    }, 120_000);
  });
}
