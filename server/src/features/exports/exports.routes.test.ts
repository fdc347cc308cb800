import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createRole, createUserWithRole, expectError } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { runExportQueue } from './exports.service';

async function download(t: TestApp, client: TestClient, id: string) {
  const res = await t.app.request(`/api/v1/exports/${id}/download`, { headers: { Cookie: client.cookie! } });
  return res;
}

async function xlsxRows(bytes: ArrayBuffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

for (const dialect of DIALECTS) {
  describe(`exports [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let dir: string;
    const stamp = `${Date.now() % 100000}${dialect === 'sqlite' ? 'S' : 'P'}`;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-exports-'));
      t = await createTestApp(dialect, { ATTACHMENTS_DIR: dir, JOBS: 'off' });
      admin = (await signup(t, '导出测试公司')).client;
      for (let i = 1; i <= 5; i++) {
        const res = await admin.post('/customers', {
          name: `导出${stamp}客户${i}有限公司`, industry: 'C', source: 'trade_show', status: i <= 2 ? 'intent' : 'potential', tags: i === 1 ? ['重点'] : [],
          contact: { name: `联系人${i}`, mobile: `1370000${String(i).padStart(4, '0')}`, email: `e${i}.${stamp}@example.com` },
          address: { province: '广东省', city: '深圳市', district: '南山区', street: `科技园${i}号` }, allowDuplicate: true,
        });
        expect(res.status).toBe(201);
      }
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('exports the filtered list with its columns to xlsx and csv (BOM, Chinese labels), as a job with progress, audited', async () => {
      const filter = JSON.stringify({ field: 'status', op: 'eq', value: 'intent' });
      const created = await admin.post('/exports', { type: 'customers', format: 'xlsx', filter, q: `导出${stamp}`, columns: ['name', 'industry', 'status', 'tags', 'primaryContact'] });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'queued', type: 'customers', format: 'xlsx' });
      expectError(await admin.get(`/exports/${created.body.id}/download`), 422, 'UNPROCESSABLE');
      expect(await runExportQueue(t.deps, { pageRows: 1 })).toBe(1);
      const done = (await admin.get(`/exports/${created.body.id}`)).body;
      expect(done).toMatchObject({ status: 'done', total: 2, processed: 2 });
      const res = await download(t, admin, created.body.id);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('.xlsx');
      const rows = await xlsxRows(await res.arrayBuffer());
      expect(rows[0]).toEqual(['客户名称', '所属行业', '客户状态', '标签', '联系人', '手机', '邮箱']);
      expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([`导出${stamp}客户1有限公司`, `导出${stamp}客户2有限公司`]);
      expect(rows[1]!.slice(1, 3)).toEqual(['制造业', '意向客户']);
      expect(rows.find((r) => r[0] === `导出${stamp}客户1有限公司`)![3]).toBe('重点');
      expect(rows[1]![5]).toMatch(/^1370000000[12]$/);

      const csv = await admin.post('/exports', { type: 'customers', format: 'csv', q: `导出${stamp}` });
      await runExportQueue(t.deps);
      const bytes = new Uint8Array(await (await download(t, admin, csv.body.id)).arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text.split('\r\n').filter(Boolean)).toHaveLength(6);
      expect(text).toContain('客户编号');

      const audit = await t.deps.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'export').where('entity_id', '=', csv.body.id).execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['create', 'download', 'finish']);
      expect((await admin.get('/exports')).body.items.map((x: any) => x.id)).toEqual([csv.body.id, created.body.id]);
    });

    it('exports tags in the order and the primary contact the customer shows, over several pages', async () => {
      const res = await admin.post('/customers', {
        name: `导出${stamp}多标签有限公司`, industry: 'C', source: 'trade_show', tags: ['乙类', 'B级', '甲类', 'A级'],
        contact: { name: '老联系人', mobile: '13700008881' }, allowDuplicate: true,
      });
      expect(res.status).toBe(201);
      const second = await admin.post('/contacts', { customerId: res.body.id, name: '新主联系人', mobile: '13700008882', isPrimary: true });
      expect(second.status).toBe(201);
      const shown = (await admin.get(`/customers/${res.body.id}`)).body;
      expect(shown.primaryContact.name).toBe('新主联系人');
      const created = await admin.post('/exports', { type: 'customers', format: 'csv', q: `导出${stamp}`, columns: ['name', 'tags', 'primaryContact'] });
      await runExportQueue(t.deps, { pageRows: 2 });
      expect((await admin.get(`/exports/${created.body.id}`)).body).toMatchObject({ status: 'done', total: 6, processed: 6 });
      const lines = (await (await download(t, admin, created.body.id)).text()).replace('\ufeff', '').split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(7);
      expect(lines.find((l) => l.startsWith(`导出${stamp}多标签有限公司,`))).toBe(`导出${stamp}多标签有限公司,${shown.tags.join('、')},新主联系人,13700008882,`);
      expect(lines.find((l) => l.startsWith(`导出${stamp}客户1有限公司,`))).toBe(`导出${stamp}客户1有限公司,重点,联系人1,13700000001,e1.${stamp.toLowerCase()}@example.com`);
    });

    it('contacts export to csv', async () => {
      const res = await admin.post('/exports', { type: 'contacts', format: 'csv', q: `${stamp}@example.com` });
      expect(res.status).toBe(201);
      await runExportQueue(t.deps);
      const text = await (await download(t, admin, res.body.id)).text();
      const lines = text.replace('\ufeff', '').split('\r\n').filter(Boolean);
      expect(lines[0]!.split(',').slice(0, 4)).toEqual(['客户名称', '姓名', '职位', '手机号']);
      expect(lines).toHaveLength(6);
    });

    it('honours the data scope and masking; no export right → 403; another tenant or out of scope → 404; bad input → 400 in zh and en', async () => {
      const role = await createRole(admin, { name: `导出员${stamp}`, dataScope: 'self', permissions: { customers: ['view', 'create', 'export'] }, viewSensitive: false });
      const exporter = await createUserWithRole(t, admin, { roleId: role.id });
      const mine = await exporter.client.post('/customers', {
        name: `导出${stamp}自己的客户`, industry: 'C', source: 'trade_show', contact: { name: '本人', mobile: '13700009999' }, allowDuplicate: true,
      });
      expect(mine.status).toBe(201);
      const own = await exporter.client.post('/exports', { type: 'customers', format: 'csv', q: `导出${stamp}` });
      expect(own.status).toBe(201);
      await runExportQueue(t.deps);
      const text = await (await download(t, exporter.client, own.body.id)).text();
      const lines = text.split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`导出${stamp}自己的客户`);
      expect(lines[1]).toContain('137****9999');
      expect(lines[1]).not.toContain('13700009999');

      const sales = (await createUserAndLogin(t, admin, { roleCode: 'sales' })).client;
      expectError(await sales.post('/exports', { type: 'customers', format: 'xlsx' }), 403, 'FORBIDDEN');
      expectError(await sales.post('/exports', { type: 'contacts', format: 'xlsx' }), 403, 'FORBIDDEN');

      const adminExport = (await admin.post('/exports', { type: 'customers', format: 'csv' })).body.id;
      expectError(await exporter.client.get(`/exports/${adminExport}`), 404, 'NOT_FOUND');
      expect((await download(t, exporter.client, adminExport)).status).toBe(404);
      const other = (await signup(t, '别家导出公司')).client;
      expectError(await other.get(`/exports/${own.body.id}`), 404, 'NOT_FOUND');
      expect((await download(t, other, own.body.id)).status).toBe(404);

      const bad = await admin.post('/exports', { type: 'orders', format: 'pdf' });
      expectError(bad, 400, 'VALIDATION_FAILED', 'type');
      expect(bad.body.error.details.map((d: any) => d.field)).toContain('format');
      const en = t.client({ lang: 'en' });
      en.cookie = admin.cookie;
      en.csrf = admin.csrf;
      const badFilter = await en.post('/exports', { type: 'customers', format: 'csv', filter: '{nope' });
      expectError(badFilter, 400, 'VALIDATION_FAILED', 'filter');
      expect(badFilter.body.error.details[0].message).toBe('Filter has an invalid format');
      const zh = await admin.post('/exports', { type: 'customers', format: 'csv', filter: '{nope' });
      expect(zh.body.error.details[0].message).toBe('筛选条件格式不正确');
    });
  });
}
