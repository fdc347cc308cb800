import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { runImportQueue } from './import-runner';

async function upload(t: TestApp, client: TestClient, type: string, name: string, csv: string, lang = 'zh-CN') {
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode(csv)], name));
  form.append('type', type);
  const res = await t.app.request('/api/v1/imports', {
    method: 'POST', headers: { Cookie: client.cookie!, 'X-CSRF-Token': client.csrf!, 'Accept-Language': lang }, body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function reportRows(t: TestApp, client: TestClient, id: string, lang: string): Promise<string[][]> {
  const res = await t.app.request(`/api/v1/imports/${id}/errors`, { headers: { Cookie: client.cookie!, 'Accept-Language': lang } });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

type Problem = { field: string; rule: string; message: string };
type PreviewRow = { row: number; problems: Problem[]; duplicate: string | null };

for (const dialect of DIALECTS) {
  describe(`imports of contacts and follow-ups [${dialect}]`, () => {
    let t: TestApp;
    let dir: string;
    let admin: TestClient;
    let adminName: string;
    let huaxing: { id: string; number: string; primaryContact: { id: string } };
    let yuanhang: { id: string; number: string };
    const stamp = `${Date.now() % 100000}${dialect === 'sqlite' ? 'S' : 'P'}`;
    const m = (n: number) => `137${String(Number(stamp.replace(/\D/g, '')) % 10000).padStart(4, '0')}${String(n).padStart(4, '0')}`;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-import-kinds-'));
      t = await createTestApp(dialect, { ATTACHMENTS_DIR: dir, JOBS: 'off' });
      admin = (await signup(t, '联系人导入公司')).client;
      adminName = (await admin.get('/auth/me')).body.user.name;
      const make = async (name: string, mobile: string) => {
        const res = await admin.post('/customers', { name, industry: 'C', source: 'referral', contact: { name: `联系人${mobile.slice(-4)}`, mobile }, allowDuplicate: true });
        expect(res.status).toBe(201);
        return res.body;
      };
      huaxing = await make(`华星${stamp}科技有限公司`, m(1));
      yuanhang = await make(`远航${stamp}贸易有限公司`, m(2));
      await make(`重名${stamp}商贸有限公司`, m(3));
      await make(`重名${stamp}商贸有限公司`, m(4));
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('contacts: customer by name or number, every problem on its row, duplicates skipped, the report in zh-CN and en', async () => {
      const csv = [
        '客户名称,客户编号,联系人,手机,邮箱,职位,主联系人',
        `华星${stamp}科技有限公司,,韩梅梅,${m(11).replace(/(\d{3})(\d{4})/, '$1 $2 ')},HMM.${stamp}@Example.com,采购经理,是`,
        `,${yuanhang.number},王强,+86 ${m(12)},,总经理,否`,
        `不存在${stamp}公司,,张三,${m(13)},,,`,
        `重名${stamp}商贸有限公司,,李四,${m(14)},,,`,
        `华星${stamp}科技有限公司,,韩梅梅,${m(11)},,,`,
        `华星${stamp}科技有限公司,,坏手机,12345,,,也许`,
        `（华星${stamp}科技）有限公司,,重复的老联系人,${m(1)},,,`,
      ].join('\n');
      const up = await upload(t, admin, 'contacts', '联系人.csv', csv);
      expect(up.status).toBe(201);
      expect(up.body.columns.map((c: { field: string | null }) => c.field))
        .toEqual(['customerName', 'customerNumber', 'contact.name', 'contact.mobile', 'contact.email', 'contact.title', 'contact.isPrimary']);
      const rows = up.body.rows as PreviewRow[];
      expect(rows.map((r) => r.problems.map((p) => p.rule).sort())).toEqual([[], [], ['customer_unknown'], ['customer_ambiguous'], [], ['boolean', 'mobile'], []]);
      expect(rows.map((r) => r.duplicate)).toEqual([null, null, null, null, 'file', null, 'db']);
      expect(rows[2]!.problems[0]!.message).toBe(`找不到客户名称为“不存在${stamp}公司”的客户（或不在你的数据范围内）`);
      expect(rows[3]!.problems[0]!.message).toBe(`客户名称为“重名${stamp}商贸有限公司”的客户有多个，请改用客户编号`);

      const unmapped = await admin.post(`/imports/${up.body.id}/start`, { mapping: { 2: 'contact.name', 3: 'contact.mobile' }, duplicatePolicy: 'skip' });
      expect(unmapped.status).toBe(400);
      expect(unmapped.body.error.details[0]).toMatchObject({ field: 'customerName', rule: 'not_mapped' });

      const mapping = Object.fromEntries(up.body.columns.map((c: { index: number; field: string }) => [String(c.index), c.field]));
      expect((await admin.post(`/imports/${up.body.id}/start`, { mapping, duplicatePolicy: 'skip' })).status).toBe(200);
      await runImportQueue(t.deps);
      const done = (await admin.get(`/imports/${up.body.id}`)).body;
      expect(done).toMatchObject({ status: 'done', total: 7, processed: 7, created: 2, updated: 0, skipped: 2, failed: 3 });

      const contacts = (await admin.get(`/contacts?customerId=${huaxing.id}`)).body.items as Array<{ name: string; mobile: string; email: string | null; title: string | null; isPrimary: boolean }>;
      expect(contacts.map((c) => c.name).sort()).toEqual([`联系人${m(1).slice(-4)}`, '韩梅梅'].sort());
      expect(contacts.find((c) => c.name === '韩梅梅')).toMatchObject({ mobile: m(11), email: `hmm.${stamp.toLowerCase()}@example.com`, title: '采购经理', isPrimary: true });
      const wang = (await admin.get(`/contacts?customerId=${yuanhang.id}`)).body.items.find((c: { name: string }) => c.name === '王强');
      expect(wang).toMatchObject({ mobile: m(12), isPrimary: false });
      const timeline = (await admin.get(`/customers/${huaxing.id}/timeline`)).body.items as Array<{ type: string }>;
      expect(timeline.map((e) => e.type)).toContain('contact_added');

      const zh = await reportRows(t, admin, up.body.id, 'zh-CN');
      expect(zh).toHaveLength(4);
      expect(zh[0]!.slice(-2)).toEqual(['错误原因', '原文件行号']);
      expect(zh[3]![7]).toContain('手机号');
      const en = await reportRows(t, admin, up.body.id, 'en');
      expect(en[1]![7]).toBe(`No customer with Customer name "不存在${stamp}公司" (or it is outside your data scope)`);

      // "update": a row that matches a contact (same mobile) writes the cells it fills onto it; the rest stays.
      const upd = await upload(t, admin, 'contacts', '联系人更新.csv', ['客户编号,联系人,手机,职位', `${huaxing.number},韩梅梅,${m(11)},采购总监`].join('\n'));
      const updMapping = Object.fromEntries(upd.body.columns.map((c: { index: number; field: string }) => [String(c.index), c.field]));
      expect(upd.body.rows[0].duplicate).toBe('db');
      expect((await admin.post(`/imports/${upd.body.id}/start`, { mapping: updMapping, duplicatePolicy: 'update' })).status).toBe(200);
      await runImportQueue(t.deps);
      expect((await admin.get(`/imports/${upd.body.id}`)).body).toMatchObject({ status: 'done', created: 0, updated: 1, skipped: 0, failed: 0 });
      const after = (await admin.get(`/contacts?customerId=${huaxing.id}`)).body.items.find((c: { name: string }) => c.name === '韩梅梅');
      expect(after).toMatchObject({ title: '采购总监', email: `hmm.${stamp.toLowerCase()}@example.com`, isPrimary: true });
      const audit = (await admin.get(`/audit?entity=contact&entityId=${after.id}`)).body.items as Array<{ action: string }>;
      expect(audit.map((a) => a.action)).toContain('update');
    });

    it('follow-ups: dates as people write them, method and feedback by label, follower and contact by name; the customer gets them as if logged', async () => {
      const csv = [
        '客户,跟进时间,跟进方式,跟进内容,跟进人,联系人,客户反馈,下次跟进时间',
        `华星${stamp}科技有限公司,2026/11/20 14:30,电话,确认了报价单,${adminName},联系人${m(1).slice(-4)},有意向,2026-11-25 10:00`,
        `华星${stamp}科技有限公司,2026年11月21日,上门拜访,现场演示了新系统,,,,2026-11-22 10:00`,
        `远航${stamp}贸易有限公司,2026-11-22,微信,,,,,`,
        `远航${stamp}贸易有限公司,2026-11-22,飞鸽传书,发了资料,,,,`,
        `远航${stamp}贸易有限公司,下周二,电话,发了资料,,,,`,
        `华星${stamp}科技有限公司,2026/11/20 14:30,电话,确认了报价单,,,,`,
        `华星${stamp}科技有限公司,2026-11-23 09:00,电话,跟进,无名氏,,,`,
        `华星${stamp}科技有限公司,2026-11-23 09:00,电话,跟进,,王五,,`,
        `华星${stamp}科技有限公司,2026-11-23 09:00,电话,跟进,,,,2026-11-22`,
      ].join('\n');
      const up = await upload(t, admin, 'followups', '跟进记录.csv', csv);
      expect(up.status).toBe(201);
      expect(up.body.columns.map((c: { field: string | null }) => c.field))
        .toEqual(['customerName', 'date', 'method', 'content', 'follower', 'contact', 'feedback', 'nextFollowUpAt']);
      const rows = up.body.rows as PreviewRow[];
      expect(rows.map((r) => r.problems.map((p) => `${p.field}:${p.rule}`))).toEqual([
        [], [], ['content:required'], ['method:dictionary'], ['date:date'], [], ['follower:user_unknown'], ['contact:contact_unknown'], ['nextFollowUpAt:after_date'],
      ]);
      expect(rows.map((r) => r.duplicate)).toEqual([null, null, null, null, null, 'file', null, null, null]);
      const mapping = Object.fromEntries(up.body.columns.map((c: { index: number; field: string }) => [String(c.index), c.field]));
      const update = await admin.post(`/imports/${up.body.id}/start`, { mapping, duplicatePolicy: 'update' });
      expect(update.status).toBe(400);
      expect(update.body.error.details[0]).toMatchObject({ field: 'duplicatePolicy', rule: 'one_of' });
      expect((await admin.post(`/imports/${up.body.id}/start`, { mapping, duplicatePolicy: 'skip' })).status).toBe(200);
      await runImportQueue(t.deps);
      const done = (await admin.get(`/imports/${up.body.id}`)).body;
      expect(done).toMatchObject({ status: 'done', total: 9, created: 2, skipped: 1, failed: 6 });

      const list = (await admin.get(`/followups?customerId=${huaxing.id}`)).body.items as Array<{ content: string; method: string; feedback: string | null; date: string; contactId: string | null; taskId: string | null; nextFollowUpAt: string | null }>;
      expect(list.map((f) => f.content)).toEqual(['现场演示了新系统', '确认了报价单']);
      expect(list[1]).toMatchObject({ method: 'phone', feedback: 'interested', contactId: huaxing.primaryContact.id, date: '2026-11-20T06:30:00.000Z' });
      expect(list[1]!.taskId).toBeTruthy();
      // A next follow-up time already past when imported is kept, but makes no (overdue) task.
      expect(list[0]).toMatchObject({ method: 'visit', date: '2026-11-20T16:00:00.000Z', nextFollowUpAt: '2026-11-22T02:00:00.000Z', taskId: null });
      const customer = (await admin.get(`/customers/${huaxing.id}`)).body;
      expect(customer.lastFollowUpAt).toBe('2026-11-20T16:00:00.000Z');

      // Importing the same file again (create would duplicate, skip does not).
      const again = await upload(t, admin, 'followups', '跟进记录.csv', csv);
      await admin.post(`/imports/${again.body.id}/start`, { mapping, duplicatePolicy: 'skip' });
      await runImportQueue(t.deps);
      expect((await admin.get(`/imports/${again.body.id}`)).body).toMatchObject({ created: 0, skipped: 3, failed: 6 });
    });

    it('each type needs its own import right, and rows only reach customers in the data scope', async () => {
      const sales = (await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: m(90) })).client;
      const refused = await upload(t, sales, 'contacts', 'c.csv', `客户名称,联系人,手机\n华星${stamp}科技有限公司,甲,${m(91)}\n`);
      expect(refused.status).toBe(403);
      const en = await upload(t, sales, 'followups', 'f.csv', '客户,跟进时间,跟进方式,跟进内容\nx,2026-11-20,电话,y\n', 'en');
      expect(en.status).toBe(403);
      // A manager (whole department) outside the admin's customers: the customer is "not found" for that row.
      const manager = (await createUserAndLogin(t, admin, { roleCode: 'manager', mobile: m(92) })).client;
      const up = await upload(t, manager, 'followups', 'f.csv', `客户编号,跟进时间,跟进方式,跟进内容\n${huaxing.number},2026-11-20,电话,越权\n`);
      expect(up.status).toBe(201);
      expect(up.body.rows[0].problems[0]).toMatchObject({ field: 'customerNumber', rule: 'customer_unknown' });
      const bad = await upload(t, admin, 'orders', 'o.csv', 'a,b\n1,2\n');
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('type');
    });
  });
}
