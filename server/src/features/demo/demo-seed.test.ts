import { sql } from 'kysely';
import { pinyin } from 'pinyin-pro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/dialects';
import { createTestApp, signup, type TestApp, type TestClient } from '../../../test/test-app';
import { sqliteHandleOf } from '../../db/create-db';
import { refreshDerived } from '../customers/customer-derived';
import { sqliteDemoWriter } from './demo-sqlite-writer';
import { DEMO_PASSWORD, seedDemo, type SeedDemoResult } from './demo-seed.service';

type Customer = { id: string; number: string; name: string; type: string; ownerId: string; tags: string[]; createdAt: string; primaryContact: { mobile: string } };

async function login(t: TestApp, email: string): Promise<TestClient> {
  const client = t.client();
  const res = await client.post('/auth/login', { email, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

/** Every item of a list endpoint, page by page. */
async function all<T>(client: TestClient, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const res = await client.get(`${path}${path.includes('?') ? '&' : '?'}pageSize=200&page=${page}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    if (items.length >= res.body.total) return items;
  }
}

for (const dialect of DIALECTS) {
  describe(`npx guanxi seed --demo [${dialect}]`, () => {
    let t: TestApp;
    let seeded: SeedDemoResult;
    let admin: TestClient;
    let customers: Customer[];
    beforeAll(async () => {
      t = await createTestApp(dialect);
      // Small batches, so the run spans several transactions and number reservations.
      seeded = await seedDemo(t.deps, { customers: 300, seed: 11, batchSize: 64 });
      admin = await login(t, seeded.admin!.email);
      customers = await all<Customer>(admin, '/customers?sort=createdAt');
    }, 120_000);
    afterAll(() => t.close());

    it('creates an account with 8 departments, 50 staff plus the admin, ~30 tags and the customers', async () => {
      expect(seeded).toMatchObject({ customersBefore: 0, customersAdded: 300, password: DEMO_PASSWORD });
      expect((await admin.get('/departments')).body.items).toHaveLength(8);
      expect((await admin.get('/users?pageSize=1')).body.total).toBe(51);
      const tags = (await admin.get('/tags')).body.items as Array<{ name: string; group: string; usage: number }>;
      expect(tags.length).toBeGreaterThanOrEqual(30);
      expect(tags.find((x) => x.name === 'A类客户')).toMatchObject({ group: '客户分层' });
      expect(customers).toHaveLength(300);
      expect(new Set(customers.map((c) => c.type))).toEqual(new Set(['enterprise', 'individual']));
      expect(seeded.logins.map((l) => l.role)).toEqual(['manager', 'sales', 'service', 'marketing']);
    });

    it('numbers every customer uniquely on its creation day, and each day sequence ends at its last number', async () => {
      const numbers = customers.map((c) => c.number);
      expect(new Set(numbers).size).toBe(300);
      for (const c of customers) {
        const day = new Date(Date.parse(c.createdAt) + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
        expect(c.number).toMatch(new RegExp(`^CUST${day}\\d{4}$`));
      }
      const maxByDay = new Map<string, number>();
      for (const n of numbers) maxByDay.set(n.slice(4, 12), Math.max(maxByDay.get(n.slice(4, 12)) ?? 0, Number(n.slice(12))));
      const seqs = await t.deps.db.selectFrom('sequences').select(['period', 'value']).where('tenant_id', '=', seeded.tenantId).where('name', '=', 'customer').execute();
      expect(new Map(seqs.map((s) => [s.period, Number(s.value)]))).toEqual(maxByDay);
    });

    it('gives every customer exactly one primary contact, with valid mobiles', async () => {
      const contacts = await all<{ customerId: string; isPrimary: boolean; mobile: string }>(admin, '/contacts');
      expect(contacts.length / 300).toBeGreaterThan(1.3);
      const primaries = new Map<string, number>();
      for (const c of contacts) {
        expect(c.mobile).toMatch(/^1[3-9]\d{9}$/);
        if (c.isPrimary) primaries.set(c.customerId, (primaries.get(c.customerId) ?? 0) + 1);
      }
      expect(primaries.size).toBe(300);
      expect([...primaries.values()].every((n) => n === 1)).toBe(true);
    });

    it('stores search text and completeness exactly as the customer services compute them', async () => {
      const read = (ids: string[]) => t.deps.db.selectFrom('customers').select(['id', 'search_text', 'completeness', 'name_norm']).where('id', 'in', ids).orderBy('id').execute();
      const ids = customers.filter((_, i) => i % 12 === 0).map((c) => c.id);
      const before = await read(ids);
      for (const id of ids) await refreshDerived(t.deps.db, seeded.tenantId, id);
      expect(await read(ids)).toEqual(before);
    });

    it('finds seeded customers by pinyin initials, a Chinese substring and the last four digits of a mobile', async () => {
      const found = async (q: string) => (await all<Customer>(admin, `/customers?q=${encodeURIComponent(q)}`)).map((c) => c.id);
      for (const c of customers.filter((x) => x.type === 'enterprise').slice(0, 5)) {
        const initials = pinyin(c.name, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
        expect(await found(initials)).toContain(c.id);
        expect(await found(c.name.slice(-6, -2))).toContain(c.id);
        expect(await found(c.primaryContact.mobile.slice(-4))).toContain(c.id);
        expect(await found(c.number)).toEqual([c.id]);
      }
    });

    it('shows a sales rep only their own customers', async () => {
      const rep = seeded.logins.find((l) => l.role === 'sales')!;
      const client = await login(t, rep.email);
      const mine = await all<Customer>(client, '/customers');
      const repId = client.me!.user.id;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((c) => c.ownerId === repId)).toBe(true);
      expect(mine.length).toBe(customers.filter((c) => c.ownerId === repId).length);
    });

    it('adds ~5 follow-ups per followed-up customer, consistent with the customer, with follow-up tasks for the owner', async () => {
      const db = t.deps.db;
      const tenant = seeded.tenantId;
      const ms = (v: unknown) => (v === null ? null : new Date(v as string).getTime());
      const fus = await db.selectFrom('followups').selectAll().where('tenant_id', '=', tenant).execute();
      const rows = await db.selectFrom('customers').select(['id', 'owner_id', 'last_owner_id', 'status', 'created_at', 'last_follow_up_at', 'follow_up_due_at']).where('tenant_id', '=', tenant).execute();
      // Who held the customer while it was followed up: its owner, or the owner it had before the pool rules took it back.
      const holder = (id: string) => {
        const c = rows.find((r) => r.id === id)!;
        return c.owner_id ?? c.last_owner_id;
      };
      const byCustomer = new Map<string, typeof fus>();
      for (const f of fus) byCustomer.set(f.customer_id, [...(byCustomer.get(f.customer_id) ?? []), f]);
      const followed = rows.filter((c) => c.last_follow_up_at !== null);
      expect(fus.length / followed.length).toBeGreaterThan(5);
      expect(fus.length / followed.length).toBeLessThan(7);
      for (const c of rows) {
        const list = byCustomer.get(c.id) ?? [];
        // last_follow_up_at = latest follow-up (as refreshLastFollowUp keeps it), none before creation.
        expect(list.length ? Math.max(...list.map((f) => ms(f.followed_at)!)) : null).toBe(ms(c.last_follow_up_at));
        for (const f of list) expect(ms(f.followed_at)!).toBeGreaterThanOrEqual(ms(c.created_at)!);
      }
      const ownerFollowed = fus.filter((f) => f.follower_id === holder(f.customer_id)).length;
      expect(ownerFollowed / fus.length).toBeGreaterThan(0.8);
      const tasks = await db.selectFrom('tasks').selectAll().where('tenant_id', '=', tenant).execute();
      const open = tasks.filter((x) => x.status === 'open');
      expect(open.length).toBeGreaterThan(20);
      expect(tasks.length).toBeGreaterThan(open.length);
      const now = t.clock.now().getTime();
      expect(open.some((x) => ms(x.due_at)! < now)).toBe(true);
      expect(open.some((x) => ms(x.due_at)! > now)).toBe(true);
      // Follow-up tasks (SOP tasks, the SOP job's, are checked in demo-steady.test).
      expect(tasks.every((x) => x.source === 'followup' || x.source === 'sop')).toBe(true);
      for (const task of tasks.filter((x) => x.source === 'followup')) {
        const f = fus.find((x) => x.id === task.followup_id)!;
        expect(task.assignee_id).toBe(holder(task.customer_id!));
        expect(f).toMatchObject({ task_id: task.id, follower_id: holder(task.customer_id!) });
        expect(ms(f.next_follow_up_at)).toBe(ms(task.due_at));
      }
      // follow_up_due_at = the earliest open follow-up task (as refreshFollowUpDue keeps it).
      for (const c of rows) {
        const due = open.filter((x) => x.customer_id === c.id).map((x) => ms(x.due_at)!);
        expect(ms(c.follow_up_due_at)).toBe(due.length ? Math.min(...due) : null);
      }
      const logged = await db.selectFrom('timeline_events').select((e) => e.fn.countAll<number>().as('n')).where('tenant_id', '=', tenant).where('type', '=', 'followup_logged').executeTakeFirstOrThrow();
      expect(Number(logged.n)).toBe(fus.length);
      expect(await db.selectFrom('interactions').select('id').where('tenant_id', '=', tenant).execute()).not.toHaveLength(0);

      // Through the API: a rep sees the open tasks of their own customers; another account sees none of it.
      const rep = seeded.logins.find((l) => l.role === 'sales')!;
      const client = await login(t, rep.email);
      const repId = client.me!.user.id;
      const mineOpen = await all<{ assigneeId: string; customerId: string }>(client, '/tasks?mine=true&status=open');
      expect(mineOpen.length).toBe(open.filter((x) => x.assignee_id === repId).length);
      const one = followed.find((c) => c.owner_id === repId)!;
      const history = await all<{ customerId: string; content: string }>(client, `/followups?customerId=${one.id}`);
      expect(history).toHaveLength(byCustomer.get(one.id)!.length);
      expect(history.every((f) => /[\u4e00-\u9fa5]/.test(f.content))).toBe(true);
      const other = await signup(t, '另一家公司');
      expect((await other.client.get('/followups?pageSize=1')).body.total).toBe(0);
      expect((await other.client.get('/tasks?pageSize=1&status=open')).body.total).toBe(0);
      expect((await other.client.get(`/followups?customerId=${one.id}`)).body.total ?? 0).toBe(0);
    });

    it('filters by tags', async () => {
      const filter = { and: [{ field: 'tags', op: 'hasAny', value: ['华东区域'] }, { not: { field: 'tags', op: 'hasAny', value: ['近期活跃'] } }] };
      const hits = await all<Customer>(admin, `/customers?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      const expected = customers.filter((c) => c.tags.includes('华东区域') && !c.tags.includes('近期活跃'));
      expect(expected.length).toBeGreaterThan(0);
      expect(hits.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
      expect(customers.every((c) => c.tags.length <= 4)).toBe(true);
    });

    it('numbers a customer created afterwards after the seeded ones', async () => {
      // Create it on the day of the newest seeded customer, so that day's sequence is one the seed advanced.
      const newest = customers[customers.length - 1]!;
      const day = newest.number.slice(4, 12);
      const lastOfDay = Math.max(...customers.filter((c) => c.number.slice(4, 12) === day).map((c) => Number(c.number.slice(12))));
      const saved = t.clock.now();
      t.clock.set(new Date(Date.parse(newest.createdAt) + 1000));
      const res = await admin.post('/customers', {
        name: '测试新建客户有限公司', industry: 'C', source: 'referral', contact: { name: '新客户', mobile: '13000000001' }, allowDuplicate: true,
      });
      t.clock.set(saved);
      expect(res.status).toBe(201);
      expect(res.body.number).toBe(`CUST${day}${String(lastOfDay + 1).padStart(4, '0')}`);
    });

    it('continues on the same account, reusing its staff (on a worker thread, in bulk-load mode)', async () => {
      const indexNames = async () => (dialect === 'postgres'
        ? await sql<{ n: string }>`select indexname as n from pg_indexes where schemaname = current_schema() and tablename in ('customers', 'contacts') order by 1`.execute(t.deps.db)
        : await sql<{ n: string }>`select name as n from sqlite_master where type = 'index' and tbl_name in ('customers', 'contacts') order by 1`.execute(t.deps.db)).rows;
      const indexesBefore = await indexNames();
      const steps: string[] = [];
      const more = await seedDemo(t.deps, {
        customers: 360, orgId: seeded.admin!.email, parallel: true, bulkLoad: dialect === 'sqlite', batchSize: 25, onStep: (m) => steps.push(m),
      });
      expect(more).toMatchObject({ tenantId: seeded.tenantId, admin: null, customersBefore: 301, customersAdded: 59, interrupted: false });
      // The indexes dropped for the load are back (SQLite only here: PostgreSQL's test database is shared by parallel
      // test files, and bulk-load mode changes indexes for everyone; db/bulk-load.test covers it there).
      expect(steps).toEqual(dialect === 'sqlite' ? [expect.stringMatching(/^rebuilding \d+ indexes/)] : []);
      expect(await indexNames()).toEqual(indexesBefore);
      expect((await admin.get('/users?pageSize=1')).body.total).toBe(51);
      const now = await all<Customer>(admin, '/customers');
      expect(now).toHaveLength(360);
      expect(new Set(now.map((c) => c.number)).size).toBe(360);
      const again = await seedDemo(t.deps, { customers: 100, orgId: seeded.tenantId });
      expect(again.customersAdded).toBe(0);
    });

    it('stops after the batch being written when aborted, leaving whole customers only', async () => {
      const stop = new AbortController();
      const r = await seedDemo(t.deps, {
        customers: 500, orgId: seeded.tenantId, batchSize: 20, signal: stop.signal, onProgress: (p) => p.done >= 40 && stop.abort(),
      });
      // SQLite stops right after the batch that saw the abort; PostgreSQL also finishes the one written beside it.
      expect(r).toMatchObject({ customersBefore: 360, interrupted: true });
      expect([40, 60]).toContain(r.customersAdded);
      const contacts = await all<{ customerId: string; isPrimary: boolean }>(admin, '/contacts');
      expect(new Set(contacts.filter((c) => c.isPrimary).map((c) => c.customerId)).size).toBe(360 + r.customersAdded);
    });

    if (dialect === 'sqlite') {
      it('leaves the keyword index complete and its insert trigger in place', async () => {
        const sqlite = sqliteHandleOf(t.deps.db)!;
        const count = (q: string) => sqlite.prepare(q).pluck().get(seeded.tenantId);
        expect(count('select count(*) from customers_fts where tenant_id = ?')).toBe(count('select count(*) from customers where tenant_id = ?'));
        expect(count(`select count(*) from customers c join customers_fts_map m on m.customer_id = c.id
          join customers_fts f on f.rowid = m.fts_rowid and f.search_text = c.search_text where c.tenant_id = ?`)).toBe(count('select count(*) from customers where tenant_id = ?'));
        expect(sqlite.prepare(`select name from sqlite_master where type = 'trigger' and tbl_name = 'customers' order by name`).pluck().all())
          .toEqual(['customers_fts_ad', 'customers_fts_ai', 'customers_fts_au']);
        // The migration's trigger is the one the writer knows, so it indexes set-based (not the slow per-row fallback).
        const writer = sqliteDemoWriter(t.deps.db, seeded.tenantId);
        await writer.close();
        expect(writer.ftsMode).toBe('set-based');
      });
    }
  });
}
