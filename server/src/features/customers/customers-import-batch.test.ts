import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { findActiveActor, type Actor } from '../../lib/actor';
import { checkImportedCustomer, inputContext, refreshCustomerDerived, writeImportedCustomers, type InputContext } from './customers.service';

// The import's batch writer (writeImportedCustomers) must give, row for row, what the one-row writer gives:
// the same duplicate decisions (查重 rules, within the batch too), consecutive numbers, the same keyword text and
// completeness, tags, timeline and audit entries.
for (const dialect of DIALECTS) {
  describe(`batch import writer [${dialect}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let actor: Actor;
    let ctx: InputContext;
    let existingId: string;
    const stamp = `${Date.now() % 100000}${dialect === 'sqlite' ? 'S' : 'P'}`;
    const digits = String(Date.now() % 10000).padStart(4, '0');
    const mobile = (n: number) => `137${digits}${String(n).padStart(4, '0')}`;

    beforeAll(async () => {
      t = await createTestApp(dialect, { JOBS: 'off' });
      const s = await signup(t, `批量写入${stamp}有限公司`);
      admin = s.client;
      actor = (await findActiveActor(t.deps.db, { userId: s.me.user.id, tenantId: s.me.tenant.id }, { locale: 'zh-CN', ip: null, via: 'session' }))!;
      ctx = await inputContext(t.deps, actor);
      const existing = await admin.post('/customers', {
        name: `已有${stamp}有限公司`, industry: 'C', source: 'referral', contact: { name: '老王', mobile: mobile(1), email: `old${stamp}@example.com` },
      });
      expect(existing.status).toBe(201);
      existingId = existing.body.id;
      // Another tenant's customer never counts as a duplicate.
      const other = (await signup(t, `别家${stamp}有限公司`)).client;
      expect((await other.post('/customers', { name: `别家客户${stamp}有限公司`, industry: 'C', source: 'referral', contact: { name: '李四', mobile: mobile(9) } })).status).toBe(201);
    });
    afterAll(() => t.close());

    const rowOf = (raw: Record<string, unknown>) => {
      const r = checkImportedCustomer(ctx, raw);
      expect(r.errors).toEqual([]);
      return { input: r.input!, checked: r.checked!, present: new Set(Object.keys(raw)) };
    };
    const write = (rows: ReturnType<typeof rowOf>[], policy: 'skip' | 'update' | 'create') =>
      t.deps.db.transaction().execute((trx) => writeImportedCustomers({ ...t.deps, db: trx }, actor, ctx, rows, policy));
    const stored = (id: string) => t.deps.db.selectFrom('customers').select(['number', 'search_text', 'completeness', 'name_norm']).where('id', '=', id).executeTakeFirstOrThrow();

    it('skip: duplicates of stored customers and of earlier rows are skipped; new rows are written whole, as the row writer writes them', async () => {
      const a = `新客户甲${stamp}有限公司`;
      const outcomes = await write([
        rowOf({ name: a, industry: 'C', source: 'referral', tags: ['批量', '重点'], requirement: '需要 5 台设备', contact: { name: '张三', title: '经理', mobile: mobile(2), email: `a${stamp}@example.com` } }),
        rowOf({ name: `换了名字${stamp}`, industry: 'C', source: 'referral', contact: { name: '老王', mobile: mobile(1) } }),
        rowOf({ name: ` ${a} `, industry: 'C', source: 'referral', contact: { name: '王五', mobile: mobile(3) } }),
        rowOf({ name: `另一家${stamp}有限公司`, industry: 'C', source: 'referral', contact: { name: '赵六', mobile: mobile(4), email: `A${stamp}@Example.com` } }),
        rowOf({ name: `别家客户${stamp}有限公司`, industry: 'C', source: 'referral', contact: { name: '李四', mobile: mobile(9) } }),
      ], 'skip');
      expect(outcomes.map((o) => o.outcome)).toEqual(['created', 'skipped', 'skipped', 'skipped', 'created']);
      const [first, , third, fourth, fifth] = outcomes.map((o) => (o.outcome === 'failed' ? '' : o.customerId!));
      expect(outcomes[1]).toMatchObject({ customerId: existingId });
      expect(third).toBe(first);
      expect(fourth).toBe(first);

      // Consecutive numbers from one sequence step, after the customer created through the API.
      const [sa, se, sx] = await Promise.all([stored(first!), stored(fifth!), stored(existingId)]);
      const seq = (n: string) => Number(n.slice(-4));
      expect(seq(sa.number)).toBe(seq(sx.number) + 1);
      expect(seq(se.number)).toBe(seq(sa.number) + 1);

      // Keyword text and completeness are what the row writer's refresh computes.
      for (const id of [first!, fifth!]) {
        const before = await stored(id);
        await refreshCustomerDerived(t.deps.db, actor.tenantId, id);
        expect(await stored(id)).toEqual(before);
      }

      const got = await admin.get(`/customers/${first}`);
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ name: a, tags: ['批量', '重点'].sort(), requirement: '需要 5 台设备', primaryContact: { name: '张三' } });
      const timeline = await admin.get(`/customers/${first}/timeline`);
      expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(['created']);
      expect(timeline.body.items[0].data).toMatchObject({ number: sa.number, name: a });
      const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', first!).execute();
      expect(audit).toEqual([{ action: 'create', actor_id: actor.userId }]);
      // The keyword index has the new customer (SQLite: FTS trigger on insert; PostgreSQL: trigram index).
      const found = await admin.get(`/customers?q=${mobile(2)}`);
      expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([first]);
      if (dialect === 'sqlite') {
        // The batch wrote the FTS rows itself (migration 2300): each maps to its customer, and the trigger is back on.
        const rows = await sql<{ id: string; same: number }>`select c.id, (f.search_text = c.search_text) as same from customers c
          join customers_fts_map m on m.customer_id = c.id join customers_fts f on f.rowid = m.fts_rowid where c.id in (${first}, ${fifth})`.execute(t.deps.db);
        expect(rows.rows.map((r) => Number(r.same))).toEqual([1, 1]);
        expect((await sql<{ n: number }>`select count(*) as n from customers_fts_bulk`.execute(t.deps.db)).rows[0]!.n).toBe(0);
      }
      const later = await admin.post('/customers', { name: `之后新建${stamp}有限公司`, industry: 'C', source: 'referral', contact: { name: '周八', mobile: mobile(8) } });
      expect(later.status).toBe(201);
      expect((await admin.get(`/customers?q=${mobile(8)}`)).body.items.map((c: { id: string }) => c.id)).toEqual([later.body.id]);
      // Renaming a batch-written customer reaches its index row (the update trigger finds it through the map).
      const renamed = await admin.patch(`/customers/${first}`, { name: `更名后${stamp}有限公司`, version: got.body.version });
      expect(renamed.status).toBe(200);
      expect((await admin.get(`/customers?q=${encodeURIComponent(`更名后${stamp}`)}`)).body.items.map((c: { id: string }) => c.id)).toEqual([first]);
    });

    it('update: a duplicate updates the stored customer, or the one an earlier row of the batch created; create writes every row', async () => {
      const f = `新客户乙${stamp}有限公司`;
      const outcomes = await write([
        rowOf({ name: f, industry: 'C', source: 'referral', contact: { name: '孙七', mobile: mobile(5) } }),
        rowOf({ name: `已有${stamp}有限公司`, industry: 'C', source: 'referral', requirement: '更新后的需求', contact: { name: '老王', mobile: mobile(1) } }),
        rowOf({ name: `改名${stamp}`, industry: 'C', source: 'referral', requirement: '第二行的需求', contact: { name: '孙七', mobile: mobile(5) } }),
      ], 'update');
      expect(outcomes.map((o) => o.outcome)).toEqual(['created', 'updated', 'updated']);
      expect(outcomes[1]).toMatchObject({ customerId: existingId });
      const createdId = outcomes[0]!.outcome === 'failed' ? '' : outcomes[0]!.customerId!;
      expect(outcomes[2]).toMatchObject({ customerId: createdId });
      expect((await admin.get(`/customers/${existingId}`)).body.requirement).toBe('更新后的需求');
      expect((await admin.get(`/customers/${createdId}`)).body).toMatchObject({ name: `改名${stamp}`, requirement: '第二行的需求' });

      const again = await write([rowOf({ name: `已有${stamp}有限公司`, industry: 'C', source: 'referral', contact: { name: '老王', mobile: mobile(1) } })], 'create');
      expect(again.map((o) => o.outcome)).toEqual(['created']);
      const same = await t.deps.db.selectFrom('customers').select('id').where('tenant_id', '=', actor.tenantId)
        .where('name_norm', '=', (await stored(existingId)).name_norm).execute();
      expect(same).toHaveLength(2);
    });
  });
}
