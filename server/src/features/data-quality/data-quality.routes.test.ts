import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createDepartment, expectError } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { jobQueueFor } from '../../lib/jobs';
import { createScheduler } from '../../lib/scheduler';
import { DATA_QUALITY_SCAN_JOB, dataQualityScanHandler, enqueueDataQualityScans } from './data-quality.service';

for (const dialect of DIALECTS) {
  describe(`data-quality centre [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    const stamp = `${Date.now() % 100000}${dialect === 'sqlite' ? 'S' : 'P'}`;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      t = await createTestApp(dialect, { JOBS: 'off' });
      admin = (await signup(t, '数据质量测试公司')).client;
      const make = async (key: string, name: string, mobile: string, extra: Record<string, unknown> = {}) => {
        const res = await admin.post('/customers', {
          name, industry: 'C', source: 'referral', contact: { name: `联系人${key}`, mobile }, allowDuplicate: true, ...extra,
        });
        expect(res.status).toBe(201);
        ids[key] = res.body.id;
      };
      await make('a1', `质量${stamp}重复有限公司`, '13600000001', { requirement: '需要', address: { province: '广东省', city: '深圳市', street: '科技园' } });
      await make('a2', `质量${stamp}重复有限公司`, '13600000002');
      await make('b1', `质量${stamp}甲`, '13600000003');
      await make('b2', `质量${stamp}乙`, '13600000003');
      await make('c', `质量${stamp}丙`, '13600000005');
      // Data from before the rules: a contact with a broken mobile and email.
      await t.deps.db.updateTable('contacts').set({ mobile: '1360000', email: 'bad@' }).where('customer_id', '=', ids.c!).execute();
    });
    afterAll(() => t.close());

    it('scans duplicates by name and mobile and invalid contacts; lists are paged; merging resolves a group', async () => {
      const before = await admin.get('/data-quality');
      expect(before.body.run).toBeNull();
      const scan = await admin.post('/data-quality/scan');
      expect(scan.status).toBe(200);
      expect(scan.body.run.status).toBe('done');
      expect(scan.body.counts).toMatchObject({ duplicateGroups: 2, invalidMobiles: 1, invalidEmails: 1 });

      const groups = await admin.get('/data-quality/duplicates?pageSize=10');
      expect(groups.body.total).toBe(2);
      const byName = groups.body.items.find((g: any) => g.kind === 'duplicate_name');
      expect(byName.customers.map((c: any) => c.id).sort()).toEqual([ids.a1, ids.a2].sort());
      const byMobile = groups.body.items.find((g: any) => g.kind === 'duplicate_mobile');
      expect(byMobile).toMatchObject({ key: '13600000003' });
      expect(byMobile.customers).toHaveLength(2);

      const invalid = await admin.get('/data-quality/invalid?kind=invalid_mobile');
      expect(invalid.body.items).toEqual([expect.objectContaining({ contactName: '联系人c', value: '1360000', customer: expect.objectContaining({ id: ids.c }) })]);
      const emails = await admin.get('/data-quality/invalid?kind=invalid_email');
      expect(emails.body.items[0].value).toBe('bad@');

      const incomplete = await admin.get('/data-quality/incomplete?below=100&pageSize=50');
      const scores = incomplete.body.items.map((c: any) => c.completeness);
      expect(scores).toEqual([...scores].sort((x: number, y: number) => x - y));
      expect(incomplete.body.items.map((c: any) => c.id)).toContain(ids.c);

      // Merge the pair: the group is left with one customer.
      const target = (await admin.get(`/customers/${ids.a1}`)).body;
      const merged = await admin.post(`/customers/${ids.a1}/merge`, { sourceId: ids.a2, version: target.version });
      expect(merged.status).toBe(200);
      const after = await admin.get('/data-quality/duplicates?pageSize=10');
      expect(after.body.items.find((g: any) => g.kind === 'duplicate_name').customers.map((c: any) => c.id)).toEqual([ids.a1]);
    });

    it('permissions: no manage right → 403; another tenant sees only its own findings; out-of-scope customers are left out; bad input → 400 in zh and en', async () => {
      await admin.post('/data-quality/scan');
      const sales = (await createUserAndLogin(t, admin, { roleCode: 'sales' })).client;
      for (const path of ['/data-quality', '/data-quality/duplicates', '/data-quality/incomplete', '/data-quality/invalid?kind=invalid_mobile']) {
        expectError(await sales.get(path), 403, 'FORBIDDEN');
      }
      expectError(await sales.post('/data-quality/scan'), 403, 'FORBIDDEN');

      const other = (await signup(t, '别家质量公司')).client;
      expect((await other.get('/data-quality')).body.counts).toMatchObject({ duplicateGroups: 0, invalidMobiles: 0 });
      expect((await other.get('/data-quality/duplicates')).body.items).toEqual([]);

      const dept = await createDepartment(admin, `质量部${stamp}`);
      const manager = (await createUserAndLogin(t, admin, { roleCode: 'manager', departmentId: dept.id })).client;
      const seen = await manager.get('/data-quality/duplicates');
      expect(seen.status).toBe(200);
      expect(seen.body.items.flatMap((g: any) => g.customers)).toEqual([]);
      expect((await manager.get('/data-quality/invalid?kind=invalid_mobile')).body.items).toEqual([]);

      const zh = await admin.get('/data-quality/incomplete?below=0');
      expectError(zh, 400, 'VALIDATION_FAILED', 'below');
      expect(zh.body.error.details[0].message).toContain('不能小于 1');
      const en = t.client({ lang: 'en' });
      en.cookie = admin.cookie;
      const bad = await en.get('/data-quality/invalid?kind=phone');
      expectError(bad, 400, 'VALIDATION_FAILED', 'kind');
      expect(bad.body.error.details[0].message).toContain('must be one of');
    });

    it('while a scan writes its findings the centre shows the last complete scan; the new findings replace it when done', async () => {
      await admin.post('/data-quality/scan');
      const before = (await admin.get('/data-quality')).body.counts;
      const groups = (await admin.get('/data-quality/duplicates?pageSize=50')).body;
      const tenantId = (await admin.get('/auth/me')).body.tenant.id as string;
      // A scan in progress: a finding of a newer generation is already stored.
      t.clock.advance(60_000);
      await t.deps.db.insertInto('data_quality_issues').values({
        id: `dq-${stamp}`, tenant_id: tenantId, kind: 'duplicate_name', key: `进行中${stamp}`, customer_ids: JSON.stringify([ids.a1, ids.b1]), size: 2, detail: null,
        computed_at: t.clock.now().toISOString(),
      }).execute();
      expect((await admin.get('/data-quality')).body.counts).toEqual(before);
      expect((await admin.get('/data-quality/duplicates?pageSize=50')).body).toEqual(groups);
      t.clock.advance(60_000);
      await admin.post('/data-quality/scan');
      expect((await admin.get('/data-quality')).body.counts).toEqual(before);
      const left = await t.deps.db.selectFrom('data_quality_issues').select('id').where('id', '=', `dq-${stamp}`).execute();
      expect(left).toEqual([]);
    });

    it('a nightly job queues one scan per company with customers, at 02:00 China time, without doubling a waiting scan', async () => {
      const empty = await signup(t, `空白${stamp}公司`);
      const emptyTenant = (await empty.client.get('/auth/me')).body.tenant.id as string;
      const tenantId = (await admin.get('/auth/me')).body.tenant.id as string;
      const deps = { db: t.deps.db, dialect: t.deps.dialect, clock: t.clock, logger: t.deps.logger };
      const name = `data-quality-nightly-${stamp}`;
      const scheduler = createScheduler(deps, [{ name, everyMs: 24 * 3600_000, offsetMs: 18 * 3600_000, run: () => enqueueDataQualityScans(deps) }]);
      // 2026-11-23 02:00 UTC is 10:00 in China: the slot is the night before (18:00 UTC = 02:00 China time).
      expect(await scheduler.runDue()).toEqual([name]);
      const slot = await t.deps.db.selectFrom('job_runs').select('slot').where('job', '=', name).executeTakeFirstOrThrow();
      expect(new Date(slot.slot as string).toISOString()).toBe('2026-11-22T18:00:00.000Z');
      await enqueueDataQualityScans(deps);
      const queued = await jobQueueFor(deps).list({ tenantId, includeSystem: false, name: DATA_QUALITY_SCAN_JOB, state: 'queued', page: 1, pageSize: 10 });
      expect(queued.items).toHaveLength(1);
      expect((await jobQueueFor(deps).list({ tenantId: emptyTenant, includeSystem: false, name: DATA_QUALITY_SCAN_JOB, page: 1, pageSize: 10 })).items).toHaveLength(0);
      expect((await admin.get('/data-quality')).body.run.status).toBe('running');
      // The queued scan does what the button does.
      await dataQualityScanHandler(deps)({ tenantId });
      expect((await admin.get('/data-quality')).body.run.status).toBe('done');
      expect(await scheduler.runDue()).toEqual([]);
      await jobQueueFor(deps).cancel(queued.items[0]!.id);
    });
  });
}
