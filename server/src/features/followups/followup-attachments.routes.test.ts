import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, timelineTypes } from '../../../test/activity-fixtures';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

const filesUnder = (d: string) => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

async function upload(t: TestApp, client: TestClient, followupId: string, name = '拜访纪要.pdf', bytes = PDF) {
  const form = new FormData();
  form.append('file', new File([bytes], name, { type: 'application/pdf' }));
  const headers: Record<string, string> = { 'Accept-Language': 'zh-CN' };
  if (client.cookie) headers.Cookie = client.cookie;
  if (client.csrf) headers['X-CSRF-Token'] = client.csrf;
  const res = await t.app.request(`/api/v1/followups/${followupId}/attachments`, { method: 'POST', headers, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

for (const dialect of DIALECTS) {
  describe(`follow-up attachments [${dialect}]`, () => {
    let t: TestApp;
    let dir: string;
    let admin: TestClient;
    let rep: TestClient;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-fu-att-'));
      t = await createTestApp(dialect, { ATTACHMENTS_DIR: dir });
      admin = (await signup(t, '星河软件有限公司')).client;
      rep = (await createUserAndLogin(t, admin, { roleCode: 'sales', name: '李销售' })).client;
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('attaches files to a follow-up (timeline of its customer, audit), lists and downloads them; scope, tenant and role apply', async () => {
      const c = await createCustomer(rep, '附件跟进');
      const f = (await rep.post('/followups', { customerId: c.id, date: '2026-11-23T09:30:00+08:00', method: 'visit', content: '上门拜访' })).body;
      const up = await upload(t, rep, f.id);
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ entity: 'followup', entityId: f.id, fileName: '拜访纪要.pdf' });
      const list = await rep.get(`/followups/${f.id}/attachments`);
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([up.body.id]);
      const dl = await t.app.request(`/api/v1/attachments/${up.body.id}/download`, { headers: { Cookie: rep.cookie! } });
      expect(dl.status).toBe(200);
      expect(new Uint8Array(await dl.arrayBuffer())).toEqual(PDF);
      expect(await timelineTypes(rep, c.id, 'attachment_added')).toEqual(['attachment_added']);
      expect((await rep.get(`/audit?entity=followup&entityId=${f.id}`)).body.items.map((e: { action: string }) => e.action)).toContain('attach');

      const peer = (await createUserAndLogin(t, admin, { roleCode: 'sales', name: '王同事' })).client;
      expect((await upload(t, peer, f.id)).status).toBe(404);
      expect((await peer.get(`/followups/${f.id}/attachments`)).status).toBe(404);
      expect((await t.app.request(`/api/v1/attachments/${up.body.id}/download`, { headers: { Cookie: peer.cookie! } })).status).toBe(404);
      const other = (await signup(t, '别家公司')).client;
      expect((await upload(t, other, f.id)).status).toBe(404);
      const marketing = (await createUserAndLogin(t, admin, { roleCode: 'marketing' })).client;
      expect((await marketing.get(`/followups/${f.id}/attachments`)).status).toBe(403);
      const bad = await upload(t, rep, f.id, '病毒.exe', new TextEncoder().encode('MZ'));
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('file');
      expect((await rep.delete(`/attachments/${up.body.id}`)).status).toBe(200);
      expect(await timelineTypes(rep, c.id, 'attachment_added,attachment_removed')).toEqual(['attachment_removed', 'attachment_added']);
    });

    it('deleting a follow-up removes its attachments and their files', async () => {
      const c = await createCustomer(rep, '附件删除');
      const f = (await rep.post('/followups', { customerId: c.id, date: '2026-11-23T09:30:00+08:00', method: 'visit', content: '上门拜访' })).body;
      const up = await upload(t, rep, f.id, '合同草稿.pdf');
      expect(up.status).toBe(201);
      const before = filesUnder(dir).length;
      expect((await admin.delete(`/followups/${f.id}`)).status).toBe(200);
      expect(filesUnder(dir).length).toBe(before - 1);
      expect((await t.app.request(`/api/v1/attachments/${up.body.id}/download`, { headers: { Cookie: admin.cookie! } })).status).toBe(404);
    });
  });
}
