import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

async function uploadCsv(t: TestApp, client: TestClient, name: string, text: string) {
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode(text)], name));
  form.append('type', 'customers');
  const res = await t.app.request('/api/v1/imports', { method: 'POST', headers: { Cookie: client.cookie!, 'X-CSRF-Token': client.csrf! }, body: form });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

type Run = { kind: string; id: string; fileName: string; status: string; createdByName: string | null; processed: number };

for (const dialect of DIALECTS) {
  describe(`imports and exports on the Jobs page GET /jobs/transfers [${dialect}]`, () => {
    let t: TestApp;
    let dir: string;
    let admin: TestClient;
    let adminName: string;
    let other: TestClient;
    let manager: TestClient;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-transfers-'));
      t = await createTestApp(dialect, { ATTACHMENTS_DIR: dir, JOBS: 'off' });
      const s = await signup(t, '传输列表公司');
      admin = s.client;
      adminName = (await admin.get('/auth/me')).body.user.name;
      other = (await signup(t, '别家传输公司')).client;
      manager = (await createUserAndLogin(t, admin, { roleCode: 'manager' })).client;
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("lists the tenant's imports and exports newest first, filterable by kind, to admins only", async () => {
      const exp = await admin.post('/exports', { type: 'customers', format: 'csv' });
      expect(exp.status).toBe(201);
      t.clock.advance(1000);
      const imp = await uploadCsv(t, admin, '客户名单.csv', '客户名称,手机\n传输测试有限公司,13800138000\n');
      t.clock.advance(1000);
      // A manager's own export is the tenant's too: the admin sees it, with who asked for it.
      const repExport = await manager.post('/exports', { type: 'contacts', format: 'xlsx' });
      expect(repExport.status).toBe(201);
      const theirs = await other.post('/exports', { type: 'customers', format: 'csv' });

      const all = await admin.get('/jobs/transfers');
      expect(all.status).toBe(200);
      const items = all.body.items as Run[];
      expect(items.map((r) => [r.kind, r.id])).toEqual([['export', repExport.body.id], ['import', imp.id], ['export', exp.body.id]]);
      expect(items[1]).toMatchObject({ fileName: '客户名单.csv', status: 'uploaded', createdByName: adminName, processed: 0 });
      expect(items[2]).toMatchObject({ status: 'queued', createdByName: adminName });
      expect(all.body).toMatchObject({ total: 3, page: 1 });
      expect(items.map((r) => r.id)).not.toContain(theirs.body.id);

      const exportsOnly = await admin.get('/jobs/transfers?kind=export&pageSize=1&page=2');
      expect(exportsOnly.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect((exportsOnly.body.items as Run[]).map((r) => r.id)).toEqual([exp.body.id]);

      expect((await other.get('/jobs/transfers')).body.items.map((r: Run) => r.id)).toEqual([theirs.body.id]);
      const refused = await manager.get('/jobs/transfers');
      expect(refused.status).toBe(403);
      const bad = await admin.get('/jobs/transfers?kind=backup');
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('kind');
    });
  });
}
