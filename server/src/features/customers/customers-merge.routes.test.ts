import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failTimelineInserts } from '../../../test/db-faults';
import { DIALECTS } from '../../../test/dialects';
import { createRole, createUserWithRole, expectError, idsOf } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

let seq = 0;
const mobile = () => `1351234${String(1000 + (++seq % 9000)).slice(-4)}`;
const customer = (over: Record<string, unknown> = {}) => ({
  name: `合并测试${++seq}有限公司`, industry: 'C', source: 'trade_show', allowDuplicate: true,
  contact: { name: '张伟', title: '采购部经理', mobile: mobile() }, ...over,
});
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

async function upload(t: TestApp, client: TestClient, customerId: string, name: string) {
  const form = new FormData();
  form.append('file', new File([PDF], name, { type: 'application/pdf' }));
  const res = await t.app.request(`/api/v1/customers/${customerId}/attachments`, {
    method: 'POST', headers: { Cookie: client.cookie!, 'X-CSRF-Token': client.csrf! }, body: form,
  });
  return (await res.json()) as { id: string };
}

/** Everything a merge may touch, as the database holds it (to prove a failed merge changed nothing). */
async function snapshot(t: TestApp, ids: string[]) {
  const db = t.deps.db;
  const [customers, contacts, tags, timeline, attachments, audit] = await Promise.all([
    db.selectFrom('customers').select(['id', 'version', 'deleted_at', 'size', 'province', 'custom', 'completeness', 'search_text']).where('id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('contacts').select(['id', 'customer_id', 'is_primary', 'version']).where('customer_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('customer_tags').select(['customer_id', 'tag_id']).where('customer_id', 'in', ids).orderBy('customer_id').orderBy('tag_id').execute(),
    db.selectFrom('timeline_events').select(['id', 'customer_id']).where('customer_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('attachments').select(['id', 'entity_id']).where('entity_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('audit_log').select(['id']).where('entity_id', 'in', ids).orderBy('id').execute(),
  ]);
  return { customers, contacts, tags, timeline, attachments, audit };
}

for (const dialect of DIALECTS) {
  describe(`customer merge [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-merge-'));
      t = await createTestApp(dialect, { ATTACHMENTS_DIR: dir });
      admin = (await signup(t, '合并测试公司')).client;
      const field = await admin.post('/fields', { entity: 'customer', key: 'budget', labelZh: '预算', labelEn: 'Budget', type: 'money', required: false });
      expect(field.status).toBe(201);
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Two duplicates with different contacts, tags, fields, timeline and an attachment on the source. */
    async function duplicates() {
      const targetMobile = mobile();
      const target = (await admin.post('/customers', customer({
        name: '华星科技有限公司', tags: ['制造业', '重点跟进'], requirement: '采购数控设备', contact: { name: '张伟', title: '总经理', mobile: targetMobile },
      }))).body;
      const sourceMobile = mobile();
      const source = (await admin.post('/customers', customer({
        name: '华星科技有限责任公司', tags: ['制造业', '预算10万+'], size: 'medium', requirement: '（来自展会）', valueTier: 'A',
        address: { province: '广东省', city: '深圳市', district: '南山区', street: '科技园路88号' }, custom: { budget: 150000 },
        contact: { name: '李娜', title: '采购部经理', mobile: sourceMobile },
      }))).body;
      expect([target.id, source.id].every(Boolean)).toBe(true);
      const second = await admin.post('/contacts', { customerId: source.id, name: '王强', title: '技术对接人', mobile: mobile() });
      expect(second.status).toBe(201);
      const edited = await admin.patch(`/customers/${source.id}`, { version: (await admin.get(`/customers/${source.id}`)).body.version, status: 'intent' });
      expect(edited.status).toBe(200);
      const file = await upload(t, admin, source.id, '报价单.pdf');
      return { target: (await admin.get(`/customers/${target.id}`)).body, source: (await admin.get(`/customers/${source.id}`)).body, file, sourceMobile };
    }

    it('moves contacts, tags, attachments and timeline to the target, fills its empty fields and bins the source', async () => {
      const { target, source, file, sourceMobile } = await duplicates();
      const sourceEvents = (await admin.get(`/customers/${source.id}/timeline`)).body.items.map((e: { id: string }) => e.id);
      expect(sourceEvents.length).toBeGreaterThanOrEqual(3);

      const res = await admin.post(`/customers/${target.id}/merge`, { sourceId: source.id, version: target.version });
      expect(res.body.error ?? res.status).toBe(200);
      expect(res.body.filledFields).toEqual(expect.arrayContaining(['size', 'valueTier', 'address', 'custom.budget']));
      expect(res.body.filledFields).not.toContain('requirement');
      expect(res.body.movedContacts.map((c: { name: string }) => c.name)).toEqual(['李娜', '王强']);
      expect(res.body).toMatchObject({ addedTags: ['预算10万+'], movedAttachments: 1 });
      expect(res.body.movedTimelineEvents).toBe(sourceEvents.length);

      const merged = res.body.customer;
      expect(merged).toMatchObject({
        id: target.id, name: '华星科技有限公司', requirement: '采购数控设备', size: 'medium', valueTier: 'A', status: 'potential',
        address: { province: '广东省', city: '深圳市', district: '南山区', street: '科技园路88号' }, custom: { budget: 150000 },
        primaryContact: { name: '张伟' }, version: target.version + 1,
      });
      expect([...merged.tags].sort()).toEqual(['制造业', '重点跟进', '预算10万+'].sort());
      expect(merged.completeness).toBeGreaterThan(target.completeness);

      const contacts = (await admin.get(`/contacts?customerId=${target.id}`)).body.items;
      expect(contacts.map((c: { name: string }) => c.name).sort()).toEqual(['张伟', '李娜', '王强'].sort());
      expect(contacts.filter((c: { isPrimary: boolean }) => c.isPrimary).map((c: { name: string }) => c.name)).toEqual(['张伟']);
      expect(idsOf(await admin.get(`/customers?q=${sourceMobile}`))).toEqual([target.id]);

      const timeline = (await admin.get(`/customers/${target.id}/timeline?pageSize=50`)).body.items;
      expect(timeline[0]).toMatchObject({ type: 'merged', refId: source.id, data: { source: { id: source.id, name: '华星科技有限责任公司' } } });
      expect(timeline.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(sourceEvents));
      expect(timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['attachment_added', 'updated', 'created']));
      const attachments = (await admin.get(`/customers/${target.id}/attachments`)).body.items;
      expect(attachments.map((a: { id: string }) => a.id)).toEqual([file.id]);

      expect((await admin.get(`/customers/${source.id}`)).status).toBe(404);
      const binned = await admin.get(`/customers/${source.id}?deleted=true`);
      expect(binned.body).toMatchObject({ deletedAt: expect.any(String), tags: [], primaryContact: null });
      expect(idsOf(await admin.get('/customers?deleted=true'))).toContain(source.id);
      const left = await t.deps.db.selectFrom('timeline_events').select(['type', 'ref_id']).where('customer_id', '=', source.id).execute();
      expect(left).toEqual([{ type: 'merged_into', ref_id: target.id }]);
      const marker = await t.deps.db.selectFrom('customers').select('deleted_by').where('id', '=', source.id).executeTakeFirstOrThrow();
      expect(marker.deleted_by).toBe(admin.me!.user.id);

      const targetAudit = (await admin.get(`/audit?entity=customer&entityId=${target.id}`)).body.items[0];
      expect(targetAudit.action).toBe('merge');
      const fields = targetAudit.changes.map((c: { field: string }) => c.field);
      expect(fields).toEqual(expect.arrayContaining(['mergedFrom', 'size', 'valueTier', 'address', 'custom', 'contacts', 'tags']));
      expect(targetAudit.changes.find((c: { field: string }) => c.field === 'size')).toEqual({ field: 'size', from: null, to: 'medium' });
      const restore = await admin.post(`/customers/${source.id}/restore`);
      expect([restore.status, restore.body.error.details[0].rule]).toEqual([422, 'merged']);
      const sourceAudit = (await admin.get(`/audit?entity=customer&entityId=${source.id}`)).body.items[0];
      expect(sourceAudit).toMatchObject({ action: 'merge', changes: expect.arrayContaining([{ field: 'mergedInto', from: null, to: { id: target.id, number: target.number, name: target.name } }]) });
    });

    it('refuses merging a customer into itself (400) and a stale target version (409), changing nothing', async () => {
      const { target, source } = await duplicates();
      const self = await admin.post(`/customers/${target.id}/merge`, { sourceId: target.id, version: target.version });
      expectError(self, 400, 'VALIDATION_FAILED', 'sourceId');
      expect(self.body.error.details[0].message).toBe('被合并的客户不能是当前客户本身');
      const en = t.client({ lang: 'en' });
      en.cookie = admin.cookie;
      en.csrf = admin.csrf;
      expect((await en.post(`/customers/${target.id}/merge`, { sourceId: target.id, version: target.version })).body.error.details[0].message)
        .toBe('Customer to merge cannot be the customer itself');

      expect((await admin.patch(`/customers/${target.id}`, { version: target.version, riskLevel: 'low' })).status).toBe(200);
      const before = await snapshot(t, [target.id, source.id]);
      expectError(await admin.post(`/customers/${target.id}/merge`, { sourceId: source.id, version: target.version }), 409, 'VERSION_CONFLICT');
      expect(await snapshot(t, [target.id, source.id])).toEqual(before);
      expectError(await admin.post(`/customers/${target.id}/merge`, { sourceId: 'no-such-customer', version: target.version }), 404, 'NOT_FOUND');
      expectError(await admin.post('/customers/no-such-customer/merge', { sourceId: source.id, version: 1 }), 404, 'NOT_FOUND');
      expect(await snapshot(t, [target.id, source.id])).toEqual(before);
    });

    it('rolls everything back when the merge fails in the middle', async () => {
      const { target, source } = await duplicates();
      const before = await snapshot(t, [target.id, source.id]);
      const failing = await failTimelineInserts(t, admin.me!.tenant.id, 'merged');
      const res = await admin.post(`/customers/${target.id}/merge`, { sourceId: source.id, version: target.version });
      await failing.drop();
      expect(res.status).toBe(500);
      expect(await snapshot(t, [target.id, source.id])).toEqual(before);
      expect((await admin.get(`/customers/${source.id}`)).status).toBe(200);
      const retry = await admin.post(`/customers/${target.id}/merge`, { sourceId: source.id, version: target.version });
      expect(retry.status).toBe(200);
    });

    it('needs both customers in reach (404) and customers: edit and delete (403)', async () => {
      const role = await createRole(admin, { name: '能删除的销售', dataScope: 'self', permissions: { customers: ['view', 'create', 'edit', 'delete'], contacts: ['view'] } });
      const { client: rep } = await createUserWithRole(t, admin, { roleId: role.id, mobile: '13512340001' });
      const own = (await rep.post('/customers', customer())).body;
      const own2 = (await rep.post('/customers', customer())).body;
      const others = (await admin.post('/customers', customer())).body;
      const before = await snapshot(t, [own.id, own2.id, others.id]);
      expectError(await rep.post(`/customers/${own.id}/merge`, { sourceId: others.id, version: own.version }), 404, 'NOT_FOUND');
      expectError(await rep.post(`/customers/${others.id}/merge`, { sourceId: own.id, version: others.version }), 404, 'NOT_FOUND');
      expect(await snapshot(t, [own.id, own2.id, others.id])).toEqual(before);

      const sales = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13512340002' });
      const s1 = (await sales.client.post('/customers', customer())).body;
      const s2 = (await sales.client.post('/customers', customer())).body;
      expectError(await sales.client.post(`/customers/${s1.id}/merge`, { sourceId: s2.id, version: s1.version }), 403, 'FORBIDDEN');
      const mkt = await createUserAndLogin(t, admin, { roleCode: 'marketing', mobile: '13512340003' });
      expectError(await mkt.client.post(`/customers/${own.id}/merge`, { sourceId: own2.id, version: own.version }), 403, 'FORBIDDEN');

      expect((await rep.post(`/customers/${own.id}/merge`, { sourceId: own2.id, version: own.version })).status).toBe(200);
    });

    it("never reaches another tenant's customers", async () => {
      const { target, source } = await duplicates();
      const { client: other } = await signup(t, '别家合并公司');
      const mine = (await other.post('/customers', customer())).body;
      expectError(await other.post(`/customers/${target.id}/merge`, { sourceId: source.id, version: target.version }), 404, 'NOT_FOUND');
      expectError(await other.post(`/customers/${mine.id}/merge`, { sourceId: source.id, version: mine.version }), 404, 'NOT_FOUND');
      expectError(await admin.post(`/customers/${target.id}/merge`, { sourceId: mine.id, version: target.version }), 404, 'NOT_FOUND');
      expect((await admin.get(`/customers/${source.id}`)).status).toBe(200);
    });
  });
}
