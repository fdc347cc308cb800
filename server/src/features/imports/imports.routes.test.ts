import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createDepartment, expectError } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { runImportQueue } from './import-runner';

type Sheet = Array<Array<string | number | Date | null>>;

/** An xlsx as a spreadsheet program writes it, with optional merged cells. */
export async function xlsxOf(rows: Sheet, merges: string[] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function readXlsx(bytes: ArrayBuffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

async function upload(t: TestApp, client: TestClient, file: { name: string; bytes: Uint8Array }, fields: Record<string, string> = {}, lang = 'zh-CN') {
  const form = new FormData();
  form.append('file', new File([file.bytes], file.name));
  form.append('type', 'customers');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const headers: Record<string, string> = { 'Accept-Language': lang };
  if (client.cookie) headers.Cookie = client.cookie;
  if (client.csrf) headers['X-CSRF-Token'] = client.csrf;
  const res = await t.app.request('/api/v1/imports', { method: 'POST', headers, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function errorReport(t: TestApp, client: TestClient, id: string, lang = 'zh-CN') {
  const res = await t.app.request(`/api/v1/imports/${id}/errors`, { headers: { Cookie: client.cookie!, 'Accept-Language': lang } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  return readXlsx(await res.arrayBuffer());
}

const HEADERS = ['公司名称', '所属行业', '客户来源', '联系人', '手机', '邮箱', '首次接触时间', '员工人数', '客户状态'];

for (const dialect of DIALECTS) {
  describe(`imports [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let dir: string;
    const stamp = `${Date.now() % 100000}${dialect === 'sqlite' ? 'S' : 'P'}`;
    const mobile = (n: number) => `139${String(Number(stamp.replace(/\D/g, '')) % 10000).padStart(4, '0')}${String(n).padStart(4, '0')}`;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-imports-'));
      t = await createTestApp(dialect, { ATTACHMENTS_DIR: dir, JOBS: 'off' });
      admin = (await signup(t, '导入测试公司')).client;
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    async function runAndGet(client: TestClient, id: string) {
      await runImportQueue(t.deps);
      const res = await client.get(`/imports/${id}`);
      expect(res.status).toBe(200);
      return res.body;
    }

    it('xlsx with a title row, merged two-row headers and messy cells: preview marks each problem, run imports the good rows, the report round-trips', async () => {
      // Existing customer: the file's row 6 duplicates it.
      const existing = await admin.post('/customers', {
        name: `已有客户${stamp}有限公司`, industry: 'C', source: 'referral', contact: { name: '老客户', mobile: mobile(1) },
      });
      expect(existing.status).toBe(201);
      const rows: Sheet = [
        [`${stamp} 客户名单（2026 年）`, null, null, null, null, null, null, null, null],
        [],
        ['公司名称', '所属行业', '客户来源', '联系人', null, '邮箱', '首次接触时间', '员工人数', '客户状态'],
        [null, null, null, '姓名', '手机', null, null, null, null],
        // good: mobile stored as a number, Excel serial date, number as text with full-width digits, stray spaces
        [`  华东${stamp}  机械有限公司 `, '制造业', '展会推广', '张 伟', Number(mobile(2)), 'ZHANG@Example.com ', 45200, '１２０', '意向'],
        // good: Chinese date text, code values, full-width mobile
        [`华南${stamp}贸易有限公司`, 'F', 'online', '李娜', `＋86 ${mobile(3)}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), '', '2024年5月20日', '1,200', 'potential'],
        // bad: mobile, email and dictionary value
        [`华北${stamp}电子有限公司`, '不存在的行业', '展会推广', '王强', '1381234', 'not-an-email', '2024/13/40', 'many', '意向'],
        // duplicate of the existing customer (by name)
        [`已有客户${stamp}有限公司`, '制造业', '展会推广', '赵六', mobile(4), '', '', '', ''],
        // duplicate of row 5 within the file (same mobile)
        [`西部${stamp}公司`, '制造业', '展会推广', '钱七', mobile(2), '', '', '', ''],
        [],
        // bad: no name, no contact
        ['', '制造业', '展会推广', '', '', '', '', '', ''],
      ];
      const bytes = await xlsxOf(rows, ['A1:I1', 'D3:E3', 'A3:A4', 'B3:B4', 'C3:C4', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:I4']);
      const up = await upload(t, admin, { name: '客户导入.xlsx', bytes });
      expect(up.status).toBe(201);
      expect(up.body.id).toBeTruthy();
      expect(up.body.headerRow).toBe(4);
      const fieldOf = (h: string) => up.body.columns.find((c: any) => c.header === h)?.field;
      expect(fieldOf('公司名称')).toBe('name');
      expect(fieldOf('联系人姓名')).toBe('contact.name');
      expect(fieldOf('联系人手机')).toBe('contact.mobile');
      expect(fieldOf('邮箱')).toBe('contact.email');
      expect(fieldOf('首次接触时间')).toBe('firstContactAt');
      expect(fieldOf('员工人数')).toBe('staffCount');
      expect(up.body.rows).toHaveLength(6);
      const [good1, good2, bad, dupDb, dupFile, empty] = up.body.rows;
      expect(good1.problems).toEqual([]);
      expect(good2.problems).toEqual([]);
      expect(bad.problems.map((p: any) => p.rule).sort()).toEqual(['date', 'dictionary', 'email', 'mobile', 'number'].sort());
      expect(bad.problems.find((p: any) => p.rule === 'mobile')).toMatchObject({ column: 4, message: expect.stringContaining('手机号') });
      expect(dupDb.duplicate).toBe('db');
      expect(dupFile.duplicate).toBe('file');
      expect(empty.problems.map((p: any) => p.field)).toEqual(expect.arrayContaining(['name', 'contact.name', 'contact.mobile']));

      const mapping = Object.fromEntries(up.body.columns.filter((c: any) => c.field).map((c: any) => [String(c.index), c.field]));
      const started = await admin.post(`/imports/${up.body.id}/start`, { mapping, duplicatePolicy: 'skip' });
      expect(started.status).toBe(200);
      expect(started.body.status).toBe('queued');
      const done = await runAndGet(admin, up.body.id);
      expect(done).toMatchObject({ status: 'done', total: 6, processed: 6, created: 2, updated: 0, skipped: 2, failed: 2 });

      const list = await admin.get(`/customers?q=${encodeURIComponent(`华东${stamp}`)}`);
      expect(list.body.items).toHaveLength(1);
      const c = (await admin.get(`/customers/${list.body.items[0].id}`)).body;
      expect(c).toMatchObject({ name: `华东${stamp} 机械有限公司`, industry: 'C', source: 'trade_show', status: 'intent', staffCount: 120 });
      // Excel serial 45200 is 2023-10-01, midnight in China.
      expect(c.firstContactAt).toBe('2023-09-30T16:00:00.000Z');
      expect(c.primaryContact).toMatchObject({ name: '张 伟', mobile: mobile(2), email: 'zhang@example.com' });
      const c2 = (await admin.get(`/customers?q=${encodeURIComponent(`华南${stamp}`)}`)).body.items[0];
      expect(c2).toMatchObject({ industry: 'F', source: 'online', status: 'potential', staffCount: 1200 });
      expect(c2.primaryContact.mobile).toBe(mobile(3));
      const timeline = await admin.get(`/customers/${c.id}/timeline`);
      expect(timeline.body.items.map((e: any) => e.type)).toContain('created');

      // The error report: the failed rows as they were, every reason in the downloader's language.
      const report = await errorReport(t, admin, up.body.id);
      expect(report[0]).toEqual([...HEADERS.slice(0, 3), '联系人姓名', '联系人手机', ...HEADERS.slice(5), '错误原因', '原文件行号']);
      expect(report).toHaveLength(3);
      expect(report[1]![0]).toBe(`华北${stamp}电子有限公司`);
      expect(report[1]![9]).toContain('手机号格式不正确');
      expect(report[1]![9]).toContain('邮箱格式不正确');
      expect(report[1]![10]).toBe('7');
      const en = await errorReport(t, t.client({ lang: 'en' }) && admin, up.body.id, 'en');
      expect(en[0]!.slice(-2)).toEqual(['Errors', 'Original row']);

      // Fix the two rows in the report and import it: only they come in.
      const fixed = report.map((r, i) => {
        if (i === 1) return [r[0]!, '制造业', r[2]!, r[3]!, mobile(5), 'wang@example.com', '2024-05-20', '30', r[8]!, r[9]!, r[10]!];
        if (i === 2) return [`东北${stamp}有限公司`, '制造业', '展会推广', '孙八', mobile(6), '', '', '', '', r[9]!, r[10]!];
        return r;
      });
      const again = await upload(t, admin, { name: '客户导入-错误报告.xlsx', bytes: await xlsxOf(fixed) }, { duplicatePolicy: 'skip' });
      expect(again.status).toBe(201);
      expect(again.body.columns.slice(-2).map((c: any) => c.field)).toEqual([null, null]);
      const second = await runAndGet(admin, again.body.id);
      expect(second).toMatchObject({ status: 'done', total: 2, created: 2, failed: 0, skipped: 0 });

      // History, newest first; the mapping is remembered for the next upload.
      const history = await admin.get('/imports');
      expect(history.body.items.slice(0, 2).map((i: any) => i.id)).toEqual([again.body.id, up.body.id]);
      const third = await upload(t, admin, { name: 'again.xlsx', bytes: await xlsxOf([['单位', '电话号'], ['x', '1']]) });
      expect(third.body.columns.map((c: any) => c.field)).toEqual(['name', null]);
    });

    it('csv in GBK with semicolons and in UTF-8 with BOM and tabs; dictionary labels in English', async () => {
      const lines = [['客户名称', '行业', '来源', '联系人', '联系电话'], [`广州${stamp}食品有限公司`, '制造业', '展会推广', '周九', mobile(7)]];
      const gbk = iconv.encode(lines.map((l) => l.join(';')).join('\r\n'), 'gbk');
      const up = await upload(t, admin, { name: 'gbk.csv', bytes: gbk }, { duplicatePolicy: 'skip' });
      expect(up.status).toBe(201);
      expect(up.body.import).toMatchObject({ format: 'csv', encoding: 'gb18030' });
      expect(up.body.rows[0].cells[0]).toBe(`广州${stamp}食品有限公司`);
      expect(await runAndGet(admin, up.body.id)).toMatchObject({ status: 'done', created: 1 });

      const tsv = `\ufeffCompany Name\tIndustry\tSource\tContact\tMobile\tE-mail\n"深圳${stamp}, 科技"\tManufacturing\tTrade show\tWu Shi\t${mobile(8)}\twu@example.com\n`;
      const up2 = await upload(t, admin, { name: 'export.xls', bytes: new TextEncoder().encode(tsv) }, { duplicatePolicy: 'skip' });
      expect(up2.status).toBe(201);
      expect(up2.body.import).toMatchObject({ format: 'csv', encoding: 'utf8' });
      expect(up2.body.columns.map((c: any) => c.field)).toEqual(['name', 'industry', 'source', 'contact.name', 'contact.mobile', 'contact.email']);
      expect(await runAndGet(admin, up2.body.id)).toMatchObject({ status: 'done', created: 1, failed: 0 });
      const c = (await admin.get(`/customers?q=${encodeURIComponent(`深圳${stamp}`)}`)).body.items[0];
      expect(c).toMatchObject({ name: `深圳${stamp}, 科技`, industry: 'C', source: 'trade_show' });
    });

    it('duplicate policies: update fills the existing customer, create makes another; defaults fill missing columns', async () => {
      const base = await admin.post('/customers', {
        name: `策略${stamp}有限公司`, industry: 'C', source: 'referral', contact: { name: '甲', mobile: mobile(9) },
      });
      expect(base.status).toBe(201);
      const file = await xlsxOf([['客户名称', '联系人', '手机', '需求'], [`策略${stamp}有限公司`, '乙', mobile(10), '要 100 台']]);
      const upd = await upload(t, admin, { name: 'u.xlsx', bytes: file }, { duplicatePolicy: 'update', defaults: JSON.stringify({ industry: '制造业', source: 'referral' }) });
      expect(upd.status).toBe(201);
      expect(await runAndGet(admin, upd.body.id)).toMatchObject({ created: 0, updated: 1 });
      const after = (await admin.get(`/customers/${base.body.id}`)).body;
      expect(after.requirement).toBe('要 100 台');
      const contacts = await admin.get(`/contacts?customerId=${base.body.id}`);
      expect(contacts.body.items.map((x: any) => x.name).sort()).toEqual(['乙', '甲']);

      const crt = await upload(t, admin, { name: 'c.xlsx', bytes: file }, { duplicatePolicy: 'create', defaults: JSON.stringify({ industry: 'C', source: 'referral' }) });
      expect(await runAndGet(admin, crt.body.id)).toMatchObject({ created: 1 });
      const same = await admin.get(`/customers?q=${encodeURIComponent(`策略${stamp}`)}`);
      expect(same.body.items).toHaveLength(2);
    });

    it('custom fields are mapped by their labels and checked by type: numbers as text, options by label, dates in Chinese formats', async () => {
      for (const f of [
        { entity: 'customer', key: `budget${stamp.toLowerCase()}`, labelZh: `预算${stamp}`, labelEn: `Budget ${stamp}`, type: 'number' },
        { entity: 'customer', key: `level${stamp.toLowerCase()}`, labelZh: `合作级别${stamp}`, labelEn: `Level ${stamp}`, type: 'select', options: [{ value: 'vip', labelZh: '重要客户', labelEn: 'VIP' }, { value: 'std', labelZh: '普通客户', labelEn: 'Standard' }] },
        { entity: 'customer', key: `signed${stamp.toLowerCase()}`, labelZh: `签约日期${stamp}`, labelEn: `Signed ${stamp}`, type: 'date' },
      ]) expect((await admin.post('/fields', f)).status).toBe(201);
      const file = await xlsxOf([
        ['客户名称', '行业', '来源', '联系人', '手机', `预算${stamp}`, `合作级别${stamp}`, `签约日期${stamp}`],
        [`自定义${stamp}甲公司`, 'C', 'referral', '甲', mobile(20), '１２,０００', 'VIP', '2025.1.2'],
        [`自定义${stamp}乙公司`, 'C', 'referral', '乙', mobile(21), 'abc', '不存在', '2025-02-30'],
      ]);
      const up = await upload(t, admin, { name: 'custom.xlsx', bytes: file }, {}, 'en');
      expect(up.status).toBe(201);
      expect(up.body.columns.slice(5).map((c: any) => c.field)).toEqual([`custom.budget${stamp.toLowerCase()}`, `custom.level${stamp.toLowerCase()}`, `custom.signed${stamp.toLowerCase()}`]);
      expect(up.body.rows[0].problems).toEqual([]);
      const messages = up.body.rows[1].problems.map((p: any) => p.message);
      expect(messages).toEqual(expect.arrayContaining([`Budget ${stamp} must be a number`, expect.stringContaining(`Level ${stamp} must be one of`), expect.stringContaining('must be a date')]));
      const mapping = Object.fromEntries(up.body.columns.filter((c: any) => c.field).map((c: any) => [String(c.index), c.field]));
      await admin.post(`/imports/${up.body.id}/start`, { mapping, duplicatePolicy: 'skip' });
      expect(await runAndGet(admin, up.body.id)).toMatchObject({ created: 1, failed: 1 });
      const c = (await admin.get(`/customers?q=${encodeURIComponent(`自定义${stamp}甲`)}`)).body.items[0];
      expect(c.custom).toEqual({ [`budget${stamp.toLowerCase()}`]: 12000, [`level${stamp.toLowerCase()}`]: 'vip', [`signed${stamp.toLowerCase()}`]: '2025-01-02' });
    });

    it('bad uploads and starts answer 400 naming the field and rule, in Chinese and English', async () => {
      const pdf = await upload(t, admin, { name: 'a.pdf', bytes: new Uint8Array([1, 2, 3]) });
      expectError({ ...pdf, headers: new Headers() }, 400, 'VALIDATION_FAILED', 'file');
      expect(pdf.body.error.details[0].message).toContain('文件的类型不受支持');
      const xls = await upload(t, admin, { name: 'old.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]) }, {}, 'en');
      expect(xls.status).toBe(400);
      expect(xls.body.error.details[0].message).toContain('save it as .xlsx or CSV');
      const empty = await upload(t, admin, { name: 'e.csv', bytes: new Uint8Array([]) }, {}, 'en');
      expect(empty.body.error.details[0]).toMatchObject({ field: 'file', rule: 'file_empty' });
      const notMultipart = await admin.post('/imports', {});
      expect(notMultipart.status).toBe(400);

      const up = await upload(t, admin, { name: 'x.csv', bytes: new TextEncoder().encode('公司名称,备注\nA公司,x\n') });
      expect(up.status).toBe(201);
      for (const [lang, text] of [['zh-CN', '必填字段联系人手机号没有对应的列'], ['en', 'The required field Contact mobile has no column']] as const) {
        const c = t.client({ lang });
        c.cookie = admin.cookie;
        c.csrf = admin.csrf;
        const res = await c.post(`/imports/${up.body.id}/start`, { mapping: { 0: 'name' }, duplicatePolicy: 'skip' });
        expect(res.status).toBe(400);
        expect(res.body.error.details.map((d: any) => d.field)).toEqual(expect.arrayContaining(['contact.mobile', 'industry', 'source']));
        expect(res.body.error.details.map((d: any) => d.message).join('\n')).toContain(text);
      }
      const wrong = await admin.post(`/imports/${up.body.id}/start`, { mapping: { 0: 'nonsense' }, duplicatePolicy: 'skip' });
      expectError(wrong, 400, 'VALIDATION_FAILED', 'mapping.0');
      const policy = await admin.post(`/imports/${up.body.id}/start`, { mapping: { 0: 'name' }, duplicatePolicy: 'merge' });
      expectError(policy, 400, 'VALIDATION_FAILED', 'duplicatePolicy');

      const cancelled = await admin.post(`/imports/${up.body.id}/cancel`);
      expect(cancelled.body.status).toBe('cancelled');
      expectError(await admin.post(`/imports/${up.body.id}/cancel`), 422, 'UNPROCESSABLE');
    });

    it('a failed import is run again from where it stopped; only a failed one can be', async () => {
      const made = await createUserAndLogin(t, admin, { roleCode: 'manager', mobile: mobile(30) });
      const up = await upload(t, made.client, { name: 'r.csv', bytes: new TextEncoder().encode(`公司名称,行业,来源,联系人,手机\n续跑${stamp}有限公司,C,referral,甲,${mobile(31)}\n`) }, { duplicatePolicy: 'skip' });
      expect(up.status).toBe(201);
      const early = await admin.post(`/imports/${up.body.id}/resume`);
      expect(early.status).toBe(422);
      expect(early.body.error.details[0]).toMatchObject({ field: 'status', rule: 'import_state' });
      expect(early.body.error.details[0].message).not.toContain('{');
      // The user who started it is deactivated before it runs: it fails, and nothing is written.
      const user = (await admin.get(`/users/${made.user.id}`)).body;
      expect((await admin.patch(`/users/${made.user.id}`, { version: user.version, active: false })).status).toBe(200);
      expect(await runAndGet(admin, up.body.id)).toMatchObject({ status: 'failed', error: 'user_inactive', created: 0 });
      const again = (await admin.get(`/users/${made.user.id}`)).body;
      expect((await admin.patch(`/users/${made.user.id}`, { version: again.version, active: true })).status).toBe(200);
      const resumed = await admin.post(`/imports/${up.body.id}/resume`);
      expect(resumed.status).toBe(200);
      expect(resumed.body).toMatchObject({ status: 'queued', error: null });
      expect(await runAndGet(admin, up.body.id)).toMatchObject({ status: 'done', created: 1, failed: 0 });
      const audit = await admin.get(`/audit?entity=import&entityId=${up.body.id}`);
      expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('resume');
    });

    it('permissions: no import right → 403, another tenant → 404, an import outside the data scope → 404', async () => {
      const up = await upload(t, admin, { name: 'p.csv', bytes: new TextEncoder().encode('公司名称,联系人,手机\nA,B,13800000000\n') });
      const id = up.body.id;
      const sales = (await createUserAndLogin(t, admin, { roleCode: 'sales' })).client;
      expectError(await sales.get(`/imports/${id}`), 403, 'FORBIDDEN');
      expectError(await sales.get('/imports'), 403, 'FORBIDDEN');
      expect((await upload(t, sales, { name: 'p.csv', bytes: new TextEncoder().encode('a,b\n1,2\n') })).status).toBe(403);

      const other = (await signup(t, '别家公司')).client;
      for (const res of [
        await other.get(`/imports/${id}`), await other.post(`/imports/${id}/start`, { mapping: { 0: 'name' }, duplicatePolicy: 'skip' }),
        await other.post(`/imports/${id}/cancel`), await other.post(`/imports/${id}/preview`, { mapping: {} }),
      ]) expectError(res, 404, 'NOT_FOUND');
      const otherReport = await t.app.request(`/api/v1/imports/${id}/errors`, { headers: { Cookie: other.cookie! } });
      expect(otherReport.status).toBe(404);
      expect((await other.get('/imports')).body.items).toEqual([]);

      // A department manager (import right, department scope) does not see the admin's import.
      const dept = await createDepartment(admin, `导入部${stamp}`);
      const manager = (await createUserAndLogin(t, admin, { roleCode: 'manager', departmentId: dept.id })).client;
      expectError(await manager.get(`/imports/${id}`), 404, 'NOT_FOUND');
      expect((await manager.get('/imports')).body.items.map((i: any) => i.id)).not.toContain(id);
      // …and may not update a customer outside its scope through an import: the row fails as a duplicate.
      await admin.post('/customers', { name: `范围外${stamp}有限公司`, industry: 'C', source: 'referral', contact: { name: '某', mobile: mobile(11) } });
      const own = await upload(t, manager, {
        name: 'm.csv', bytes: new TextEncoder().encode(`公司名称,行业,来源,联系人,手机\n范围外${stamp}有限公司,C,referral,新,${mobile(12)}\n`),
      }, { duplicatePolicy: 'update' });
      expect(own.status).toBe(201);
      expect(await runAndGet(manager, own.body.id)).toMatchObject({ failed: 1, updated: 0 });
    });
  });
}
