import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failTimelineInserts } from '../../../test/db-faults';
import { DIALECTS } from '../../../test/dialects';
import { expectError } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PDF_NAME = '招标文件（2026 第一期）.pdf';

let seq = 0;
const customer = () => {
  seq++;
  return {
    name: `附件测试客户${seq}有限公司`, industry: 'I', source: 'trade_show', allowDuplicate: true,
    contact: { name: '张伟', mobile: `1380013${String(1000 + seq).slice(-4)}`, email: `att${seq}.${Date.now()}@example.com` },
  };
};

/** Files below `dir`, ignoring directories (what storage left on disk). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
}

/** A multipart upload as a browser sends it: the session cookie, the CSRF token and a FormData body. */
async function upload(t: TestApp, client: TestClient, customerId: string, file: { name: string; type: string; bytes: Uint8Array }, lang = 'zh-CN') {
  const form = new FormData();
  form.append('file', new File([file.bytes], file.name, { type: file.type }));
  const headers: Record<string, string> = { 'Accept-Language': lang };
  if (client.cookie) headers.Cookie = client.cookie;
  if (client.csrf) headers['X-CSRF-Token'] = client.csrf;
  const res = await t.app.request(`/api/v1/customers/${customerId}/attachments`, { method: 'POST', headers, body: form });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

async function download(t: TestApp, client: TestClient, id: string) {
  return t.app.request(`/api/v1/attachments/${id}/download`, { headers: client.cookie ? { Cookie: client.cookie } : {} });
}

for (const dialect of DIALECTS) {
  describe(`customer attachments [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-attachments-'));
      t = await createTestApp(dialect, { ATTACHMENTS_DIR: dir });
      admin = (await signup(t, '附件测试公司')).client;
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('purging a customer from the recycle bin erases its attachment rows and files', async () => {
      const c = (await admin.post('/customers', customer())).body;
      const up = await upload(t, admin, c.id, { name: PDF_NAME, type: 'application/pdf', bytes: PDF });
      expect(up.status).toBe(201);
      const filesBefore = filesUnder(dir).length;
      await admin.delete(`/customers/${c.id}`);
      expect((await admin.post(`/customers/${c.id}/purge`)).status).toBe(200);
      expect(await t.deps.db.selectFrom('attachments').select('id').where('id', '=', up.body.id).executeTakeFirst()).toBeUndefined();
      expect(filesUnder(dir).length).toBe(filesBefore - 1);
    });

    it('uploads a Chinese-named PDF, lists it, downloads the same bytes with an RFC 5987 name, and deletes it', async () => {
      const c = (await admin.post('/customers', customer())).body;
      const up = await upload(t, admin, c.id, { name: PDF_NAME, type: 'application/pdf', bytes: PDF });
      expect(up.body.error ?? up.status).toBe(201);
      expect(up.body).toMatchObject({ entity: 'customer', entityId: c.id, fileName: PDF_NAME, mimeType: 'application/pdf', size: PDF.length, uploadedByName: '王管理' });
      expect(up.body.sha256).toMatch(/^[0-9a-f]{64}$/);

      const list = await admin.get(`/customers/${c.id}/attachments`);
      expect(list.body).toMatchObject({ total: 1, items: [{ id: up.body.id, fileName: PDF_NAME }] });

      const res = await download(t, admin, up.body.id);
      expect(res.status).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="_____2026 ____.pdf"; filename*=UTF-8''${encodeURIComponent('招标文件（2026 第一期）')}.pdf`,
      );
      expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe(PDF_NAME);
      expect(filesUnder(dir)).toContain(up.body.id);

      const del = await admin.delete(`/attachments/${up.body.id}`);
      expect(del.status).toBe(200);
      expect((await admin.get(`/customers/${c.id}/attachments`)).body.total).toBe(0);
      expect((await download(t, admin, up.body.id)).status).toBe(404);
      expect((await admin.delete(`/attachments/${up.body.id}`)).status).toBe(404);
      expect(filesUnder(dir)).not.toContain(up.body.id);

      const timeline = (await admin.get(`/customers/${c.id}/timeline`)).body.items;
      expect(timeline.map((e: { type: string }) => e.type)).toEqual(['attachment_removed', 'attachment_added', 'created']);
      expect(timeline[1]).toMatchObject({ refType: 'attachment', refId: up.body.id, data: { fileName: PDF_NAME, size: PDF.length } });
      const audit = (await admin.get(`/audit?entity=customer&entityId=${c.id}`)).body.items.map((a: { action: string }) => a.action);
      expect(audit).toEqual(expect.arrayContaining(['attach', 'detach']));
    });

    it.each([
      ['zh-CN', '病毒.exe', { name: '病毒.exe', type: 'application/octet-stream', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) }, '文件的类型不受支持，仅允许：pdf, doc, docx'],
      ['en', 'setup.exe', { name: 'setup.exe', type: 'application/x-msdownload', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) }, 'File must be one of these types: pdf, doc, docx'],
      ['en', 'a PDF sent as text/html', { name: '会议纪要.pdf', type: 'text/html', bytes: PDF }, 'File must be one of these types'],
      ['zh-CN', 'HTML named .pdf', { name: '伪装.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>') }, '文件的类型不受支持'],
      ['en', 'no extension', { name: 'no-extension', type: 'application/pdf', bytes: PDF }, 'File must be one of these types'],
    ] as const)('rejects a file of the wrong type (%s: %s) with 400 naming the field', async (lang, _label, file, message) => {
      const c = (await admin.post('/customers', customer())).body;
      const res = await upload(t, admin, c.id, file, lang);
      expectError({ ...res, headers: res.headers }, 400, 'VALIDATION_FAILED', 'file');
      expect(res.body.error.details[0]).toMatchObject({ field: 'file', rule: 'file_type' });
      expect(res.body.error.details[0].message).toContain(message);
      expect((await admin.get(`/customers/${c.id}/attachments`)).body.total).toBe(0);
    });

    it('accepts Office, image, text and zip files with their canonical MIME type', async () => {
      const c = (await admin.post('/customers', customer())).body;
      const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]);
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
      for (const [name, type, bytes, mime] of [
        ['报价单.xlsx', '', zip, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ['名片.PNG', 'image/png', png, 'image/png'],
        ['客户名单.csv', 'application/vnd.ms-excel', new TextEncoder().encode('姓名,手机\n张伟,13800138000\n'), 'text/csv'],
        ['资料包.zip', 'application/x-zip-compressed', zip, 'application/zip'],
      ] as const) {
        const res = await upload(t, admin, c.id, { name, type, bytes });
        expect([name, res.status, res.body.mimeType]).toEqual([name, 201, mime]);
      }
      expect((await admin.get(`/customers/${c.id}/attachments`)).body.total).toBe(4);
    });

    it('refuses a file over the limit with 413, before and after the body is read', async () => {
      const c = (await admin.post('/customers', customer())).body;
      const big = new Uint8Array(20 * 1024 * 1024 + 1);
      big.set(PDF);
      const res = await upload(t, admin, c.id, { name: '超大文件.pdf', type: 'application/pdf', bytes: big }, 'zh-CN');
      expectError({ ...res, headers: res.headers }, 413, 'PAYLOAD_TOO_LARGE', 'file');
      expect(res.body.error.message).toBe('文件不能超过 20 MB');

      const small = await createTestApp(dialect, { ATTACHMENTS_DIR: dir, ATTACHMENT_MAX_BYTES: 1024 });
      const a = (await signup(small, '小限额公司', 'en')).client;
      const sc = (await a.post('/customers', customer())).body;
      const exact = new Uint8Array(1024);
      exact.set(PDF);
      expect((await upload(small, a, sc.id, { name: 'exact.pdf', type: 'application/pdf', bytes: exact })).status).toBe(201);
      const over = await upload(small, a, sc.id, { name: 'over.pdf', type: 'application/pdf', bytes: new Uint8Array([...exact, 0]) }, 'en');
      expect({ status: over.status, message: over.body.error.message }).toEqual({ status: 413, message: 'File must not be larger than 1 KB' });
      const huge = new Uint8Array(200 * 1024);
      huge.set(PDF);
      const cut = await upload(small, a, sc.id, { name: 'huge.pdf', type: 'application/pdf', bytes: huge }, 'en');
      expect({ status: cut.status, code: cut.body.error.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
      expect((await a.get(`/customers/${sc.id}/attachments`)).body.total).toBe(1);
      await small.close();
    });

    it('keeps the rest of the API at its 1 MiB body limit', async () => {
      const res = await admin.post('/customers', { ...customer(), requirement: 'x'.repeat(1024 * 1024 + 10) });
      expect(res.status).toBe(413);
    });

    it('answers 400 when the request has no file', async () => {
      const c = (await admin.post('/customers', customer())).body;
      const json = await admin.post(`/customers/${c.id}/attachments`, { file: 'x' });
      expectError(json, 400, 'VALIDATION_FAILED', 'file');
      const form = new FormData();
      form.append('other', 'x');
      const res = await t.app.request(`/api/v1/customers/${c.id}/attachments`, {
        method: 'POST', headers: { Cookie: admin.cookie!, 'X-CSRF-Token': admin.csrf!, 'Accept-Language': 'en' }, body: form,
      });
      const body = (await res.json()) as any;
      expect({ status: res.status, field: body.error.details[0].field, message: body.error.details[0].message }).toEqual({ status: 400, field: 'file', message: 'File is required' });
    });

    it("never reaches another tenant's attachments, and out-of-scope customers answer 404", async () => {
      const c = (await admin.post('/customers', customer())).body;
      const att = (await upload(t, admin, c.id, { name: '合同.pdf', type: 'application/pdf', bytes: PDF })).body;
      const { client: other } = await signup(t, '别家附件公司');
      expect((await upload(t, other, c.id, { name: 'x.pdf', type: 'application/pdf', bytes: PDF })).status).toBe(404);
      expect((await other.get(`/customers/${c.id}/attachments`)).status).toBe(404);
      expect((await download(t, other, att.id)).status).toBe(404);
      expect((await other.delete(`/attachments/${att.id}`)).status).toBe(404);

      const rep = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13700001111' });
      expect((await upload(t, rep.client, c.id, { name: 'x.pdf', type: 'application/pdf', bytes: PDF })).status).toBe(404);
      expect((await rep.client.get(`/customers/${c.id}/attachments`)).status).toBe(404);
      expect((await download(t, rep.client, att.id)).status).toBe(404);
      expect((await rep.client.delete(`/attachments/${att.id}`)).status).toBe(404);
      const own = (await rep.client.post('/customers', customer())).body;
      expect((await upload(t, rep.client, own.id, { name: '拜访记录.pdf', type: 'application/pdf', bytes: PDF })).status).toBe(201);
      expect((await download(t, admin, att.id)).status).toBe(200);
    });

    it('lets a view-only role list and download but not upload or delete (403)', async () => {
      const c = (await admin.post('/customers', customer())).body;
      const att = (await upload(t, admin, c.id, { name: '方案.pdf', type: 'application/pdf', bytes: PDF })).body;
      const mkt = await createUserAndLogin(t, admin, { roleCode: 'marketing', mobile: '13700002222' });
      const res = await upload(t, mkt.client, c.id, { name: 'x.pdf', type: 'application/pdf', bytes: PDF });
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect((await mkt.client.delete(`/attachments/${att.id}`)).status).toBe(403);
      expect((await mkt.client.get(`/customers/${c.id}/attachments`)).body.total).toBe(1);
      expect((await download(t, mkt.client, att.id)).status).toBe(200);
      expect((await download(t, t.client(), att.id)).status).toBe(401);
    });

    it('documents the multipart upload in OpenAPI', async () => {
      const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as any;
      const post = doc.paths['/customers/{id}/attachments'].post;
      expect(post.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
      expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '403', '404', '413']));
      expect(doc.paths['/attachments/{id}/download'].get).toBeDefined();
    });

    it('removes the stored file again when the database write fails', async () => {
      const own = mkdtempSync(join(tmpdir(), 'guanxi-attachments-fail-'));
      const tf = await createTestApp(dialect, { ATTACHMENTS_DIR: own });
      const { client: a, me } = await signup(tf, '故障测试公司');
      const c = (await a.post('/customers', customer())).body;
      const failing = await failTimelineInserts(tf, me.tenant.id, 'attachment_added');
      const res = await upload(tf, a, c.id, { name: '会议纪要.pdf', type: 'application/pdf', bytes: PDF });
      await failing.drop();
      expect(res.status).toBe(500);
      expect(await tf.deps.db.selectFrom('attachments').select('id').where('tenant_id', '=', me.tenant.id).execute()).toEqual([]);
      expect(filesUnder(own)).toEqual([]);
      await tf.close();
      rmSync(own, { recursive: true, force: true });
    });
  });
}
