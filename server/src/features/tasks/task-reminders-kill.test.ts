import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { freshDatabase } from '../../../test/fresh-database';
import { signup, TestClient, type TestApp } from '../../../test/test-app';
import { createApp } from '../../app';
import { loadConfig } from '../../config';
import { createDb } from '../../db/create-db';
import { readJson } from '../../db/dialect';
import { migrateToLatest } from '../../db/migrate';
import { systemClock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { createLogger } from '../../lib/logger';

const BIN = fileURLToPath(new URL('../../../bin/guanxi.mjs', import.meta.url));
const SECRET = 'kill-test-secret-0123456789-0123456789';
const COUNT = 4000;


function serve(url: string): ChildProcess {
  return spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', JOBS: 'on', TASK_REMINDER_SECONDS: '1', LOG_LEVEL: 'error',
      GUANXI_SECRET: SECRET, NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const dialect of DIALECTS) {
  describe(`task reminders survive a crash [${dialect}]`, () => {
    const children: ChildProcess[] = [];
    const cleanups: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      for (const f of cleanups.reverse()) await f();
    });

    it('kills the server while reminders fire, restarts it, and every reminder produced exactly one notification', async () => {
      const db = await freshDatabase(dialect, 'kill');
      cleanups.push(db.drop);
      const handle = createDb(db.url, { poolSize: 2 });
      cleanups.push(() => handle.destroy());
      await migrateToLatest(handle.db, handle.dialect);
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
      const app = createApp({ db: handle.db, dialect: handle.dialect, config, clock: systemClock, logger: createLogger('silent'), secret: SECRET });
      // signup() needs only these two members of a TestApp.
      const shim = { client: (o: { lang?: 'zh-CN' | 'en' } = {}) => new TestClient(app, o), email: (n: string) => `${n}.${Date.now()}.${process.pid}@example.com` };
      const { me } = await signup(shim as unknown as TestApp, '断电测试公司');
      const tenantId = me.tenant.id;
      const userId = me.user.id;
      const now = new Date();
      const due = new Date(now.getTime() - 60_000).toISOString();
      const rows = Array.from({ length: COUNT }, (_, i) => ({
        id: newId(), tenant_id: tenantId, subject: `提醒${i}`, type: 'call', description: null, due_at: now.toISOString(), assignee_id: userId,
        customer_id: null, contact_id: null, priority: 'normal', status: 'open', remind_offset_minutes: 1, remind_at: due, reminded_at: null,
        done_at: null, on_time: null, source: 'manual', followup_id: null, series_id: null, occurrence_at: null, sop_key: null, created_by: userId,
        created_at: now.toISOString(), updated_at: now.toISOString(),
      }));
      for (let i = 0; i < rows.length; i += 500) await handle.db.insertInto('tasks').values(rows.slice(i, i + 500)).execute();

      const notices = async () => Number((await handle.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId).where('type', '=', 'task.reminder').executeTakeFirstOrThrow()).n);

      const first = serve(db.url);
      children.push(first);
      const started = Date.now();
      while (Date.now() - started < 60_000 && (await notices()) === 0) await sleep(5);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      const atKill = await notices();
      // Killed part-way: some reminders fired, others were still due.
      expect(atKill).toBeGreaterThan(0);
      expect(atKill).toBeLessThan(COUNT);

      const second = serve(db.url);
      children.push(second);
      const restarted = Date.now();
      while (Date.now() - restarted < 90_000 && (await notices()) < COUNT) await sleep(100);
      await sleep(1500);
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));

      const all = await handle.db.selectFrom('notifications').select(['data', 'user_id']).where('tenant_id', '=', tenantId).where('type', '=', 'task.reminder').execute();
      const perTask = new Map<string, number>();
      for (const n of all) {
        const id = readJson<{ taskId: string }>(n.data, { taskId: '' }).taskId;
        perTask.set(id, (perTask.get(id) ?? 0) + 1);
      }
      expect(all).toHaveLength(COUNT);
      expect(perTask.size).toBe(COUNT);
      expect([...perTask.values()].every((v) => v === 1)).toBe(true);
      const unclaimed = await handle.db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('reminded_at', 'is', null).executeTakeFirstOrThrow();
      expect(Number(unclaimed.n)).toBe(0);
    }, 180_000);
  });
}
