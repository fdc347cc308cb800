import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createRole, createUserWithRole, expectError, idsOf } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

const manufacturing = { and: [{ field: 'tags', op: 'hasAll', value: ['制造业', '预算10万+'] }, { not: { field: 'tags', op: 'hasAny', value: ['流失'] } }] };
const view = (over: Record<string, unknown> = {}) => ({
  entity: 'customers', name: '制造业重点客户', shared: false,
  config: { filter: manufacturing, q: null, sort: '-lastFollowUpAt', columns: ['number', 'name', 'tags', 'lastFollowUpAt'], pageSize: 20 },
  ...over,
});

for (const dialect of DIALECTS) {
  describe(`saved views [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let rep1: TestClient;
    let rep2: TestClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t, '视图测试公司')).client;
      rep1 = (await createUserAndLogin(t, admin, { roleCode: 'sales', name: '销售甲', mobile: '13600000001' })).client;
      rep2 = (await createUserAndLogin(t, admin, { roleCode: 'sales', name: '销售乙', mobile: '13600000002' })).client;
    });
    afterAll(() => t.close());

    it('saves a personal view that only its owner sees, and applies to the customers list', async () => {
      const res = await rep1.post('/views', view());
      expect(res.body.error ?? res.status).toBe(201);
      expect(res.body).toMatchObject({ entity: 'customers', name: '制造业重点客户', shared: false, ownerName: '销售甲', canEdit: true, version: 1 });
      expect(res.body.config).toEqual(view().config);
      expect(idsOf(await rep1.get('/views?entity=customers'))).toContain(res.body.id);

      for (const [method, path, body] of [
        ['GET', `/views/${res.body.id}`], ['PATCH', `/views/${res.body.id}`, { version: 1, name: '偷改' }], ['DELETE', `/views/${res.body.id}`],
      ] as const) {
        for (const other of [rep2, admin]) expect([method, (await other.request(method, path, body)).status]).toEqual([method, 404]);
      }
      expect(idsOf(await rep2.get('/views?entity=customers'))).not.toContain(res.body.id);
      expect(idsOf(await admin.get('/views?entity=customers'))).not.toContain(res.body.id);

      const list = await rep1.get(`/customers?filter=${encodeURIComponent(JSON.stringify(res.body.config.filter))}&sort=${res.body.config.sort}`);
      expect(list.status).toBe(200);
    });

    it('shows a shared view to everyone in the tenant; others may not change it (403), an admin may', async () => {
      const shared = (await rep1.post('/views', view({ name: '华东区意向客户', shared: true, config: { filter: { field: 'status', op: 'eq', value: 'intent' }, columns: ['name', 'status'] } }))).body;
      expect(shared.config).toEqual({ filter: { field: 'status', op: 'eq', value: 'intent' }, columns: ['name', 'status'] });
      const seen = (await rep2.get('/views?entity=customers')).body.items.find((v: { id: string }) => v.id === shared.id);
      expect(seen).toMatchObject({ shared: true, ownerName: '销售甲', canEdit: false });
      expect((await rep2.get(`/views/${shared.id}`)).status).toBe(200);
      expectError(await rep2.patch(`/views/${shared.id}`, { version: shared.version, name: '改名' }), 403, 'FORBIDDEN');
      expectError(await rep2.delete(`/views/${shared.id}`), 403, 'FORBIDDEN');

      expect((await admin.get(`/views/${shared.id}`)).body.canEdit).toBe(true);
      const renamed = await admin.patch(`/views/${shared.id}`, { version: shared.version, name: '华东区意向客户（全员）' });
      expect(renamed.body.error ?? renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: '华东区意向客户（全员）', ownerId: shared.ownerId, version: shared.version + 1 });
      expectError(await rep1.patch(`/views/${shared.id}`, { version: shared.version, shared: false }), 409, 'VERSION_CONFLICT');
      const unshared = await rep1.patch(`/views/${shared.id}`, { version: renamed.body.version, shared: false });
      expect(unshared.body.shared).toBe(false);
      expect((await rep2.get(`/views/${shared.id}`)).status).toBe(404);
      expect((await rep1.delete(`/views/${shared.id}`)).status).toBe(200);
      expect((await rep1.get(`/views/${shared.id}`)).status).toBe(404);
      const audit = (await admin.get(`/audit?entity=saved_view&entityId=${shared.id}`)).body.items.map((a: { action: string }) => a.action);
      expect(audit).toEqual(['delete', 'update', 'update', 'create']);
    });

    it('lists own views first, then shared ones, each by name', async () => {
      const tc = await createTestApp(dialect);
      const a = (await signup(tc, '排序测试公司')).client;
      const r = (await createUserAndLogin(tc, a, { roleCode: 'sales', mobile: '13600000011' })).client;
      await a.post('/views', view({ name: 'A 共享', shared: true }));
      await r.post('/views', view({ name: 'Z 我的' }));
      await r.post('/views', view({ name: 'B 我的共享', shared: true }));
      expect((await r.get('/views?entity=customers')).body.items.map((v: { name: string }) => v.name)).toEqual(['B 我的共享', 'Z 我的', 'A 共享']);
      await tc.close();
    });

    it.each([
      ['zh-CN', { filter: { field: 'nope', op: 'eq', value: 1 } }, 'config.filter', 'unknown_filter_field', '筛选条件中的字段 nope 不存在或不可筛选'],
      ['en', { filter: { field: 'status', op: 'sounds-like', value: 'x' } }, 'config.filter', 'format', 'Filter has an invalid format'],
      ['en', { filter: { and: 'status' } }, 'config.filter', 'format', 'Filter has an invalid format'],
      ['zh-CN', { columns: ['name', 'password'] }, 'config.columns.1', 'unknown_column', '列 password 不存在或不可显示'],
      ['en', { columns: ['name', 'custom.nothing'] }, 'config.columns.1', 'unknown_column', 'The column custom.nothing does not exist or cannot be shown'],
      ['en', { columns: [], sort: '-password' }, 'config.sort', 'one_of', 'Sort must be one of: name, number'],
      ['zh-CN', { columns: [], pageSize: 500 }, 'config.pageSize', 'max_value', '每页条数不能大于 200'],
      ['en', { columns: [], color: 'red' }, 'config', 'unknown_field', 'Unknown field'],
    ] as const)('rejects a bad config (%s %j) naming the field and rule', async (lang, config, field, rule, message) => {
      const c = t.client({ lang });
      c.cookie = rep1.cookie;
      c.csrf = rep1.csrf;
      const res = await c.post('/views', view({ name: `坏视图${Math.random()}`, config }));
      expect(res.status).toBe(400);
      const d = res.body.error.details.find((x: { field: string }) => x.field === field);
      expect(d).toMatchObject({ rule });
      expect(d.message).toContain(message);
    });

    it('accepts custom-field columns, filters and sorts once the field exists', async () => {
      const field = await admin.post('/fields', { entity: 'customer', key: 'budget', labelZh: '预算', labelEn: 'Budget', type: 'money', required: false });
      expect(field.status).toBe(201);
      const res = await rep1.post('/views', view({
        name: '大预算', config: { filter: { field: 'custom.budget', op: 'gte', value: 100000 }, sort: '-custom.budget', columns: ['name', 'custom.budget'] },
      }));
      expect(res.body.error ?? res.status).toBe(201);
    });

    it('refuses a second view of the same name by the same owner (409), allows it for another user', async () => {
      expect((await rep2.post('/views', view({ name: '重名视图' }))).status).toBe(201);
      expectError(await rep2.post('/views', view({ name: '重名视图' })), 409, 'CONFLICT', 'name');
      expect((await rep1.post('/views', view({ name: '重名视图' }))).status).toBe(201);
      const other = (await rep2.post('/views', view({ name: '另一个' }))).body;
      expectError(await rep2.patch(`/views/${other.id}`, { version: other.version, name: '重名视图' }), 409, 'CONFLICT', 'name');
    });

    it('needs the list module: a role without customers: view gets 403', async () => {
      const role = await createRole(admin, { name: '只看工单', dataScope: 'all', permissions: { tickets: ['view'] } });
      const { client } = await createUserWithRole(t, admin, { roleId: role.id, mobile: '13600000021' });
      expectError(await client.get('/views?entity=customers'), 403, 'FORBIDDEN');
      expectError(await client.post('/views', view({ name: '无权' })), 403, 'FORBIDDEN');
      expectError(await client.get('/views?entity=tickets'), 400, 'VALIDATION_FAILED', 'entity');
    });

    it('documents the recursive condition tree once, as a component', async () => {
      const res = await t.app.request('/api/v1/openapi.json');
      expect(res.status).toBe(200);
      const doc = (await res.json()) as any;
      expect(doc.components.schemas.Condition).toBeDefined();
      expect(JSON.stringify(doc.paths['/views'].post.requestBody)).toContain('#/components/schemas/Condition');
    });

    it("never shows another tenant's views, shared or not", async () => {
      const shared = (await admin.post('/views', view({ name: '全员视图', shared: true }))).body;
      const { client: other } = await signup(t, '别家视图公司');
      expect(idsOf(await other.get('/views?entity=customers'))).toEqual([]);
      for (const [method, path, body] of [
        ['GET', `/views/${shared.id}`], ['PATCH', `/views/${shared.id}`, { version: 1, name: 'x' }], ['DELETE', `/views/${shared.id}`],
      ] as const) {
        expect([method, (await other.request(method, path, body)).status]).toEqual([method, 404]);
      }
      expect((await admin.get(`/views/${shared.id}`)).body.name).toBe('全员视图');
    });
  });
}
