import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createRole, createUserWithRole } from '../../../test/org-fixtures';
import { createTestApp, createUserAndLogin, signup, type TestApp, type TestClient } from '../../../test/test-app';

const contact = (over: Record<string, unknown> = {}) => {
  const mobile = (over.mobile as string | undefined) ?? '13812345678';
  return { name: '张伟', title: '采购部经理', mobile, email: `c${mobile.replace(/\D/g, '').slice(-11)}@example.com`, ...over };
};
const customer = (over: Record<string, unknown> = {}) => ({
  name: '华星科技有限公司', industry: 'I', source: 'trade_show', size: 'medium',
  address: { province: '广东省', city: '深圳市', district: '南山区', street: '科技园路88号' }, contact: contact(), ...over,
});

for (const dialect of DIALECTS) {
  describe(`customers [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      admin = (await signup(t, '星河软件有限公司')).client;
    });
    afterAll(() => t.close());

    it('creates a customer with its first contact, a CUST number, completeness and a timeline entry', async () => {
      const res = await admin.post('/customers', customer({ contact: contact({ mobile: '+86 138-0000-0001' }), tags: ['制造业', '重点跟进'] }));
      expect(res.status).toBe(201);
      const c = res.body;
      expect(c.number).toMatch(/^CUST20261123\d{4}$/);
      expect(c).toMatchObject({ name: '华星科技有限公司', type: 'enterprise', status: 'potential', industry: 'I', ownerId: admin.me!.user.id });
      expect(c.primaryContact).toMatchObject({ name: '张伟', mobile: '13800000001' });
      expect(c.tags).toEqual(['制造业', '重点跟进']);
      expect(c.completeness).toBeGreaterThan(50);
      expect(c.completeness).toBeLessThan(100);
      const tl = await admin.get(`/customers/${c.id}/timeline`);
      expect(tl.body.items.map((e: { type: string }) => e.type)).toEqual(['created']);
      const missing = await admin.get(`/customers/${c.id}/completeness`);
      expect(missing.body.missing).toContain('requirement');
    });

    it.each([
      ['zh-CN', { industry: 'ZZ' }, 'industry', '所属行业的取值不在字典中：ZZ'],
      ['en', { industry: 'ZZ' }, 'industry', 'Industry has a value that is not in the dictionary: ZZ'],
      ['zh-CN', { industry: 'other' }, 'industryNote', '选择“其他”时需填写行业说明'],
      ['en', { source: 'carrier-pigeon' }, 'source', 'Source has a value that is not in the dictionary'],
      ['zh-CN', { contact: contact({ mobile: '12345' }) }, 'contact.mobile', '联系人手机号格式不正确'],
      ['en', { contact: contact({ mobile: '12345' }) }, 'contact.mobile', 'Contact mobile must be an 11-digit mainland China mobile number'],
      ['zh-CN', { contact: contact({ email: 'not-mail' }) }, 'contact.email', '联系人邮箱格式不正确'],
      ['en', { contact: contact({ landline: '12345' }) }, 'contact.landline', 'Landline must be area code and number'],
      ['zh-CN', { address: { province: '广东省', city: '杭州市' } }, 'address.city', '城市与所选省市不匹配'],
      ['en', { name: '' }, 'name', 'Name is required'],
      ['zh-CN', { contact: { name: '李雷' } }, 'contact.mobile', '联系人手机号为必填项'],
      ['en', { status: 'vip' }, 'status', 'Status must be one of: potential, intent, won, churned'],
    ] as const)('rejects bad input (%s) on %j with the field and rule', async (lang, patch, field, message) => {
      const c = t.client({ lang });
      c.cookie = admin.cookie;
      c.csrf = admin.csrf;
      const res = await c.post('/customers', { ...customer({ name: `校验测试${Math.random()}` }), ...patch });
      expect(res.status).toBe(400);
      const d = res.body.error.details.find((x: { field: string }) => x.field === field);
      expect(d?.message).toContain(message);
      const count = await t.deps.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('name', 'like', '校验测试%').executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });

    it('validates custom fields by type, options and required flag, naming each field by its own label (zh-CN and en)', async () => {
      const tc = await createTestApp(dialect);
      const a = (await signup(tc, '自定义字段测试公司')).client;
      const defs = [
        { key: 'budget', labelZh: '预算', labelEn: 'Budget', type: 'money', required: true },
        { key: 'visit_date', labelZh: '拜访日期', labelEn: 'Visit date', type: 'date', required: false },
        { key: 'grade', labelZh: '等级', labelEn: 'Grade', type: 'select', required: false, options: [{ value: 'gold', labelZh: '金牌' }, { value: 'silver', labelZh: '银牌' }] },
        { key: 'channels', labelZh: '渠道', labelEn: 'Channels', type: 'multiselect', required: false, options: [{ value: 'wechat', labelZh: '微信' }, { value: 'phone', labelZh: '电话' }] },
        { key: 'vip', labelZh: '重点客户', labelEn: 'Key account', type: 'boolean', required: false },
      ];
      for (const d of defs) expect((await a.post('/fields', { entity: 'customer', ...d })).status).toBe(201);
      const cases = [
        [{}, 'custom.budget', '预算为必填项', 'Budget is required'],
        [{ budget: 12.345 }, 'custom.budget', '预算应为金额，最多两位小数', 'Budget must be an amount with at most two decimals'],
        [{ budget: 1, visit_date: '2024/05/20' }, 'custom.visit_date', '拜访日期应为日期，格式如 2024-05-20', 'Visit date must be a date like 2024-05-20'],
        [{ budget: 1, grade: 'bronze' }, 'custom.grade', '等级的取值无效，可选值：gold, silver', 'Grade must be one of: gold, silver'],
        [{ budget: 1, channels: ['fax'] }, 'custom.channels', '渠道的取值无效', 'Channels must be one of: wechat, phone'],
        [{ budget: 1, vip: 'yes' }, 'custom.vip', '重点客户的类型不正确', 'Key account has the wrong type'],
        [{ budget: 1, nope: 1 }, 'custom.nope', '不支持的字段 nope', 'Unknown field nope'],
      ] as const;
      for (const [custom, field, zh, en] of cases) {
        for (const [lang, message] of [['zh-CN', zh], ['en', en]] as const) {
          const c = tc.client({ lang });
          c.cookie = a.cookie;
          c.csrf = a.csrf;
          const res = await c.post('/customers', customer({ name: `自定义${Math.random()}`, custom, contact: contact({ mobile: '13900001111' }) }));
          expect([res.status, field]).toEqual([400, field]);
          expect(res.body.error.details.find((d: { field: string }) => d.field === field)?.message).toContain(message);
        }
      }
      const ok = await a.post('/customers', customer({ custom: { budget: '1,500.50', visit_date: '2024-05-20', grade: 'gold', channels: ['wechat', 'phone'], vip: true } }));
      expect(ok.status).toBe(201);
      expect(ok.body.custom).toEqual({ budget: 1500.5, visit_date: '2024-05-20', grade: 'gold', channels: ['wechat', 'phone'], vip: true });
      const edited = await a.patch(`/customers/${ok.body.id}`, { version: ok.body.version, custom: { grade: null } });
      expect(edited.body.custom).toEqual({ budget: 1500.5, visit_date: '2024-05-20', channels: ['wechat', 'phone'], vip: true });
      await tc.close();
    });

    it('accepts dictionary labels in zh or en and normalises mobiles, landlines and emails', async () => {
      const res = await admin.post('/customers', customer({
        name: '蓝海物流股份有限公司', industry: '交通运输、仓储和邮政业', source: 'Customer referral', size: '小型企业（100人以下）',
        contact: contact({ mobile: '１３９ ００００ ２２２２', landline: '(010) 1234 5678 转 801', email: 'Li.Lei@LanHai.example' }),
      }));
      expect(res.body.error?.details ?? res.status).toBe(201);
      expect(res.body).toMatchObject({ industry: 'G', source: 'referral', size: 'small' });
      const contacts = await admin.get(`/contacts?customerId=${res.body.id}`);
      expect(contacts.body.items[0]).toMatchObject({ mobile: '13900002222', landline: '010-12345678-801', email: 'li.lei@lanhai.example' });
    });

    it('warns about duplicates by normalised name, mobile or email, and creates anyway when asked', async () => {
      await admin.post('/customers', customer({ name: '北辰电子有限公司', contact: contact({ mobile: '13700000001', email: 'a@beichen.example' }) }));
      const byName = await admin.post('/customers', customer({ name: '北京北辰电子有限责任公司', contact: contact({ mobile: '13700000009', email: null }) }));
      expect(byName.status).toBe(409);
      expect(byName.body.error.code).toBe('DUPLICATE');
      expect(byName.body.error.details[0]).toMatchObject({ field: 'name', rule: 'duplicate', data: { name: '北辰电子有限公司', visible: true, matchedOn: ['name'] } });
      const byMobile = await admin.post('/customers', customer({ name: '完全不同的公司', contact: contact({ mobile: '+86 137 0000 0001' }) }));
      expect(byMobile.status).toBe(409);
      expect(byMobile.body.error.details[0].field).toBe('contact.mobile');
      const dup = await admin.get('/customers/duplicates?email=A@BEICHEN.example');
      expect(dup.body.items).toHaveLength(1);
      const forced = await admin.post('/customers', customer({ name: '北京北辰电子有限责任公司', contact: contact({ mobile: '13700000009' }), allowDuplicate: true }));
      expect(forced.status).toBe(201);
    });

    it('finds customers by Chinese substring, pinyin, initials, number, full mobile, last four digits and email', async () => {
      const tc = await createTestApp(dialect);
      const a = (await signup(tc, '搜索测试公司')).client;
      const hx = (await a.post('/customers', customer({ name: '华星科技有限公司', contact: contact({ mobile: '13812345678', email: 'zw@hx.example' }) }))).body;
      await a.post('/customers', customer({ name: '蓝天贸易有限公司', industry: 'F', contact: contact({ mobile: '13911112222', email: 'x@lt.example' }) }));
      const find = async (q: string) => (await a.get(`/customers?q=${encodeURIComponent(q)}`)).body.items.map((c: { name: string }) => c.name);
      expect(await find('华星')).toEqual(['华星科技有限公司']);
      expect(await find('星科技')).toEqual(['华星科技有限公司']);
      expect(await find('hxkj')).toEqual(['华星科技有限公司']);
      expect(await find('HuaXing')).toEqual(['华星科技有限公司']);
      expect(await find(hx.number)).toEqual(['华星科技有限公司']);
      expect(await find('138 1234 5678')).toEqual(['华星科技有限公司']);
      expect(await find('5678')).toEqual(['华星科技有限公司']);
      expect(await find('1234')).toEqual([]);
      expect(await find('zw@hx')).toEqual(['华星科技有限公司']);
      expect(await find('贸易')).toEqual(['蓝天贸易有限公司']);
      await tc.close();
    });

    it('filters by tag combinations (AND / OR / NOT), any field and custom fields, sorts and paginates', async () => {
      const tc = await createTestApp(dialect);
      const a = (await signup(tc, '筛选测试公司')).client;
      const field = await a.post('/fields', { entity: 'customer', key: 'budget', labelZh: '预算', labelEn: 'Budget', type: 'money', required: false });
      expect(field.status).toBe(201);
      const mk = async (name: string, tags: string[], budget: number | null, mobile: string, status = 'potential') =>
        (await a.post('/customers', customer({ name, tags, status, custom: budget === null ? {} : { budget }, contact: contact({ mobile }) }))).body;
      await mk('甲公司', ['制造业', '预算10万+', '近期活跃'], 150000, '13800000011');
      await mk('乙公司', ['制造业', '预算10万+', '流失'], 200000, '13800000012', 'intent');
      await mk('丙公司', ['制造业'], 50000, '13800000013');
      await mk('丁公司', ['零售'], null, '13800000014', 'intent');
      const list = async (filter: unknown, extra = '') =>
        (await a.get(`/customers?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=name${extra}`)).body;
      const names = async (filter: unknown) => (await list(filter)).items.map((c: { name: string }) => c.name).sort();
      expect(await names({ and: [{ field: 'tags', op: 'hasAll', value: ['制造业', '预算10万+'] }, { not: { field: 'tags', op: 'hasAny', value: ['流失'] } }] })).toEqual(['甲公司']);
      expect(await names({ or: [{ field: 'tags', op: 'hasAny', value: ['零售'] }, { field: 'status', op: 'eq', value: 'intent' }] })).toEqual(['丁公司', '乙公司']);
      expect(await names({ field: 'custom.budget', op: 'gte', value: 100000 })).toEqual(['乙公司', '甲公司']);
      expect(await names({ field: 'custom.budget', op: 'isEmpty' })).toEqual(['丁公司']);
      expect(await names({ field: 'tags', op: 'isEmpty' })).toEqual([]);
      const page = await list({ field: 'tags', op: 'hasAny', value: ['制造业'] }, '&pageSize=2&page=2');
      expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page.items).toHaveLength(1);
      const sorted = (await a.get('/customers?sort=-custom.budget&pageSize=1')).body.items[0].name;
      expect(sorted).toBe('乙公司');
      const bad = await a.get(`/customers?filter=${encodeURIComponent(JSON.stringify({ field: 'nope', op: 'eq', value: 1 }))}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0]).toMatchObject({ field: 'filter', rule: 'unknown_filter_field' });
      expect((await a.get('/customers?sort=password')).status).toBe(400);
      await tc.close();
    });

    it('numbers 50 customers created at the same moment uniquely and consecutively', async () => {
      const tc = await createTestApp(dialect);
      const a = (await signup(tc, '并发测试公司')).client;
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => a.post('/customers', customer({ name: `并发客户${i}号`, contact: contact({ mobile: `1380000${String(1000 + i)}` }) }))),
      );
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
      const numbers = results.map((r) => r.body.number as string).sort();
      expect(new Set(numbers).size).toBe(50);
      expect(numbers[0]).toMatch(/0001$/);
      expect(numbers[49]).toMatch(/0050$/);
      await tc.close();
    });

    it('refuses a stale version with 409 and writes nothing; records field changes on the timeline and audit trail', async () => {
      const c = (await admin.post('/customers', customer({ name: '版本测试有限公司', contact: contact({ mobile: '13600000001' }) }))).body;
      const ok = await admin.patch(`/customers/${c.id}`, { version: c.version, status: 'intent', requirement: '采购设备，预算约50万元' });
      expect(ok.body.error ?? ok.status).toBe(200);
      expect(ok.body.version).toBe(c.version + 1);
      const stale = await admin.patch(`/customers/${c.id}`, { version: c.version, status: 'churned' });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('VERSION_CONFLICT');
      expect((await admin.get(`/customers/${c.id}`)).body.status).toBe('intent');
      const tl = (await admin.get(`/customers/${c.id}/timeline`)).body.items;
      expect(tl[0].type).toBe('updated');
      expect(tl[0].data.changes).toEqual(expect.arrayContaining([{ field: 'status', from: 'potential', to: 'intent' }]));
      const audit = (await admin.get(`/audit?entity=customer&entityId=${c.id}`)).body.items;
      expect(audit[0].changes).toEqual(expect.arrayContaining([{ field: 'status', from: 'potential', to: 'intent' }]));
    });

    it('enforces data scope: a rep sees own customers only, a manager sees the department subtree', async () => {
      const tc = await createTestApp(dialect);
      const { client: a } = await signup(tc, '范围测试公司');
      const sales = (await a.post('/departments', { name: '销售部' })).body;
      const east = (await a.post('/departments', { name: '华东组', parentId: sales.id })).body;
      const other = (await a.post('/departments', { name: '市场部' })).body;
      const rep1 = await createUserAndLogin(tc, a, { roleCode: 'sales', departmentId: east.id, mobile: '13500000001' });
      const rep2 = await createUserAndLogin(tc, a, { roleCode: 'sales', departmentId: other.id, mobile: '13500000002' });
      const mgr = await createUserAndLogin(tc, a, { roleCode: 'manager', departmentId: sales.id, mobile: '13500000003' });
      const mine = (await rep1.client.post('/customers', customer({ name: '东方制造有限公司', contact: contact({ mobile: '13500000011' }) }))).body;
      expect(mine.ownerId).toBe(rep1.user.id);
      expect((await rep2.client.get(`/customers/${mine.id}`)).status).toBe(404);
      expect((await rep2.client.get('/customers')).body.total).toBe(0);
      expect((await rep2.client.patch(`/customers/${mine.id}`, { version: 1, status: 'won' })).status).toBe(404);
      expect((await mgr.client.get(`/customers/${mine.id}`)).status).toBe(200);
      expect((await mgr.client.get('/customers')).body.total).toBe(1);
      const dup = await rep2.client.post('/customers', customer({ name: '东方制造有限公司', contact: contact({ mobile: '13500000019' }) }));
      expect(dup.status).toBe(409);
      expect(dup.body.error.details[0].data).toMatchObject({ visible: false, name: '东******' });
      expect((await rep1.client.post('/customers/bulk-actions', { ids: [mine.id], action: 'delete' })).body.failed[0].code).toBe('FORBIDDEN');
      await tc.close();
    });

    it('masks mobiles and emails for roles without the right, and searching by mobile still works', async () => {
      const c = (await admin.post('/customers', customer({ name: '遮罩测试有限公司', contact: contact({ mobile: '13312345678', email: 'mask@example.com' }) }))).body;
      const mkt = await createUserAndLogin(t, admin, { roleCode: 'marketing', mobile: '13300000009' });
      const list = (await mkt.client.get('/customers?q=13312345678')).body;
      expect(list.items).toHaveLength(1);
      expect(list.items[0].primaryContact).toMatchObject({ mobile: '133****5678', email: 'm***@example.com' });
      expect(list.items[0].address.street).toBe('******');
      const detail = (await mkt.client.get(`/customers/${c.id}`)).body;
      expect(detail.primaryContact.mobile).toBe('133****5678');
      const contacts = (await mkt.client.get(`/contacts?mobile=13312345678`));
      expect(contacts.status).toBe(403);
      const logged = await t.deps.db.selectFrom('sensitive_access_log').select(['entity', 'entity_ids']).where('entity', '=', 'customer').execute();
      expect(logged.length).toBeGreaterThan(0);
    });

    it('keeps the stored street when an edit leaves it out or sends back the masked form', async () => {
      const c = (await admin.post('/customers', customer({ name: '街道保留有限公司', contact: contact({ mobile: '13312340001' }) }))).body;
      const role = await createRole(admin, { name: '只改不看', dataScope: 'all', viewSensitive: false, permissions: { customers: ['view', 'edit'] } });
      const editor = await createUserWithRole(t, admin, { roleId: role.id, mobile: '13312340002' });
      const shown = (await editor.client.get(`/customers/${c.id}`)).body;
      expect(shown.address).toEqual({ province: '广东省', city: '深圳市', district: '南山区', street: '******' });
      // The form sends the address back as shown, with a new district.
      const edited = await editor.client.patch(`/customers/${c.id}`, { version: shown.version, address: { ...shown.address, district: '福田区' } });
      expect(edited.status).toBe(200);
      // Left out entirely: kept too.
      const moved = await editor.client.patch(`/customers/${c.id}`, { version: edited.body.version, address: { province: '广东省', city: '深圳市', district: '宝安区' } });
      expect(moved.status).toBe(200);
      const stored = (await admin.get(`/customers/${c.id}`)).body;
      expect(stored.address).toEqual({ province: '广东省', city: '深圳市', district: '宝安区', street: '科技园路88号' });
      // A new street or an explicit null is written.
      const renamed = await editor.client.patch(`/customers/${c.id}`, { version: stored.version, address: { ...stored.address, street: '深南大道1号' } });
      expect((await admin.get(`/customers/${c.id}`)).body.address.street).toBe('深南大道1号');
      await editor.client.patch(`/customers/${c.id}`, { version: renamed.body.version, address: { ...stored.address, street: null } });
      expect((await admin.get(`/customers/${c.id}`)).body.address.street).toBeNull();
    });

    it('transfers with history and notices, and moves through the recycle bin', async () => {
      const rep = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13200000001' });
      const c = (await admin.post('/customers', customer({ name: '转移测试有限公司', contact: contact({ mobile: '13200000011' }) }))).body;
      const moved = await admin.post(`/customers/${c.id}/transfer`, { ownerId: rep.user.id, reason: '区域调整' });
      expect(moved.status).toBe(200);
      expect(moved.body.ownerId).toBe(rep.user.id);
      const tl = (await admin.get(`/customers/${c.id}/timeline?types=transferred`)).body.items;
      expect(tl[0].data).toMatchObject({ to: rep.user.id, reason: '区域调整' });
      const notes = await t.deps.db.selectFrom('notifications').select(['user_id', 'type']).where('user_id', '=', rep.user.id).execute();
      expect(notes).toEqual([{ user_id: rep.user.id, type: 'customer.transferred' }]);
      expect((await rep.client.get(`/customers/${c.id}`)).status).toBe(200);
      expect((await rep.client.delete(`/customers/${c.id}`)).status).toBe(403);
      // A rep (本人 scope) hands their own customer to a colleague: the answer is the record as written, and then
      // it is out of the rep's reach.
      const colleague = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13200000002', name: '同事乙' });
      const handed = await rep.client.post(`/customers/${c.id}/transfer`, { ownerId: colleague.user.id, reason: '组内调整' });
      expect(handed.status).toBe(200);
      expect(handed.body).toMatchObject({ id: c.id, ownerId: colleague.user.id, ownerName: '同事乙' });
      expect((await rep.client.get(`/customers/${c.id}`)).status).toBe(404);
      expect((await colleague.client.get(`/customers/${c.id}`)).status).toBe(200);
      expect((await rep.client.post(`/customers/${c.id}/transfer`, { ownerId: rep.user.id })).status).toBe(404);
      expect((await admin.post(`/customers/${c.id}/transfer`, { ownerId: rep.user.id })).status).toBe(200);

      expect((await admin.delete(`/customers/${c.id}`)).status).toBe(200);
      expect((await admin.get(`/customers/${c.id}`)).status).toBe(404);
      const bin = (await admin.get('/customers?deleted=true')).body.items.map((x: { id: string }) => x.id);
      expect(bin).toContain(c.id);
      expect((await admin.post(`/customers/${c.id}/restore`)).status).toBe(200);
      expect((await admin.get(`/customers/${c.id}`)).status).toBe(200);
      await admin.delete(`/customers/${c.id}`);
      const mgrRole = await createUserAndLogin(t, admin, { roleCode: 'manager', mobile: '13200000002' });
      expect((await mgrRole.client.post(`/customers/${c.id}/purge`)).status).toBe(403);
      expect((await admin.post(`/customers/${c.id}/purge`)).status).toBe(200);
      expect(await t.deps.db.selectFrom('customers').select('id').where('id', '=', c.id).executeTakeFirst()).toBeUndefined();
    });

    it('tags and transfers in bulk, reporting each failure', async () => {
      const rep = await createUserAndLogin(t, admin, { roleCode: 'sales', mobile: '13100000001' });
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await admin.post('/customers', customer({ name: `批量客户${i}`, contact: contact({ mobile: `1310000002${i}` }) }))).body.id);
      const tagged = await admin.post('/customers/bulk-actions', { ids: [...ids, 'missing-id'], action: 'addTags', tags: ['华东区域'] });
      expect(tagged.body.done).toEqual(ids);
      expect(tagged.body.failed).toEqual([{ id: 'missing-id', code: 'NOT_FOUND', message: '记录不存在或无权访问' }]);
      const moved = await admin.post('/customers/bulk-actions', { ids, action: 'transfer', ownerId: rep.user.id });
      expect(moved.body.done).toHaveLength(3);
      const repList = (await rep.client.get(`/customers?tag=${encodeURIComponent('华东区域')}`)).body;
      expect(repList.total).toBe(3);
    });

    it('sorts contacts by name, customer name or update time, primary first by default, and rejects unknown sorts', async () => {
      const c = (await admin.post('/customers', customer({ name: '排序测试有限公司', contact: contact({ name: '周八', mobile: '13000000101' }) }))).body;
      await admin.post('/contacts', { customerId: c.id, ...contact({ name: '赵六', mobile: '13000000102' }) });
      await admin.post('/contacts', { customerId: c.id, ...contact({ name: '钱七', mobile: '13000000103' }) });
      const names = async (sort?: string) =>
        (await admin.get(`/contacts?customerId=${c.id}${sort ? `&sort=${sort}` : ''}`)).body.items.map((x: { name: string }) => x.name);
      expect(await names()).toEqual(['周八', '赵六', '钱七']);
      const byName = await names('name');
      expect(byName).toHaveLength(3);
      expect(await names('-name')).toEqual([...byName].reverse());
      expect(await names('-updatedAt')).toHaveLength(3);
      const bad = await admin.get(`/contacts?customerId=${c.id}&sort=mobile`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('sort');
    });

    it("never reaches another tenant's customers or contacts", async () => {
      const c = (await admin.post('/customers', customer({ name: '隔离测试有限公司', contact: contact({ mobile: '13000000001' }) }))).body;
      const contactId = c.primaryContact.id;
      const { client: other } = await signup(t, '别家公司');
      for (const [method, path, body] of [
        ['GET', `/customers/${c.id}`], ['PATCH', `/customers/${c.id}`, { version: 1, name: 'x' }], ['DELETE', `/customers/${c.id}`],
        ['POST', `/customers/${c.id}/transfer`, { ownerId: other.me!.user.id }], ['GET', `/customers/${c.id}/timeline`],
        ['GET', `/contacts/${contactId}`], ['PATCH', `/contacts/${contactId}`, { version: 1, name: 'x' }], ['DELETE', `/contacts/${contactId}`],
        ['GET', `/audit?entity=customer&entityId=${c.id}`],
      ] as const) {
        const res = await other.request(method, path, body);
        expect([method, path, res.status]).toEqual([method, path, 404]);
      }
      expect((await other.post('/contacts', { customerId: c.id, ...contact({ mobile: '13000000002' }) })).status).toBe(400);
      expect((await other.get('/customers?q=隔离')).body.total).toBe(0);
      expect((await admin.get(`/customers/${c.id}`)).body.name).toBe('隔离测试有限公司');
    });
  });
}
