import { pinyin } from 'pinyin-pro';
import { sql } from 'kysely';
import type { Actor } from '../lib/actor';
import type { AppDeps } from '../lib/http';
import { DEMO_PASSWORD } from '../features/demo/demo-seed.service';
import { createCustomField, customFieldDefs } from '../features/fields/fields.service';
import { createRole } from '../features/roles/roles.service';
import { normalizeCompanyName } from '../features/customers/customer-text';
import { BENCH_ADMIN_EMAIL, BENCH_PASSWORD } from './bench-tenant';

/** What the scenarios work with: who signs in, which tags, words and customers they ask for. */
export type BenchFixtures = {
  tenantId: string;
  admin: { email: string; password: string };
  /** A sales rep whose role sees their department's customers (本部门). */
  rep: { email: string; password: string; userId: string; departmentId: string };
  /** The rep's department's users: "owner in department" as the condition language says it (ownerId in …). */
  departmentUserIds: string[];
  tags: { one: string; a: string; b: string; not: string };
  /** custom.budget ≥ this matches roughly a third of the customers. */
  budgetAtLeast: number;
  keywords: { cn2: string[]; cn3: string[]; initials: string[]; last4: string[] };
  /** Customers in the rep's scope, for the 360 view and edits. */
  customerIds: string[];
};

const DEPT_ROLE_CODE = 'sales_dept';
const CJK = /^[\u4e00-\u9fff]+$/;

const systemActor = (tenantId: string): Actor => ({
  tenantId, userId: 'system', name: 'bench', departmentId: null, departmentPath: null, roleId: 'system', roleCode: null,
  dataScope: 'all', permissions: {}, viewSensitive: true, locale: 'zh-CN', ip: null, via: 'system',
});

/** A role with the sales rights and the 本部门 scope (the seeded sales role sees only its own customers). */
async function departmentRoleId(deps: AppDeps, tenantId: string): Promise<string> {
  const roles = await deps.db.selectFrom('roles').select(['id', 'code', 'data_scope', 'permissions']).where('tenant_id', '=', tenantId).execute();
  const existing = roles.find((r) => r.code === DEPT_ROLE_CODE);
  if (existing) return existing.id;
  const sales = roles.find((r) => r.code === 'sales');
  if (!sales) throw new Error('the bench account has no sales role');
  const permissions = typeof sales.permissions === 'string' ? JSON.parse(sales.permissions) : sales.permissions;
  const role = await createRole(deps, systemActor(tenantId), {
    name: '销售（本部门）', code: DEPT_ROLE_CODE, description: 'bench: sales rights, department data scope', dataScope: 'department',
    viewSensitive: false, permissions,
  });
  return role.id;
}

/** The first sales rep of the largest sales group, moved to the department-scope role. */
async function benchRep(deps: AppDeps, tenantId: string, roleId: string) {
  const rows = await deps.db.selectFrom('users').innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'users.email', 'users.department_id', 'roles.code'])
    .where('users.tenant_id', '=', tenantId).where('users.department_id', 'is not', null).where('users.email', '<>', BENCH_ADMIN_EMAIL)
    .orderBy('users.created_at').orderBy('users.id').execute();
  const size = new Map<string, number>();
  for (const r of rows) size.set(r.department_id!, (size.get(r.department_id!) ?? 0) + 1);
  const reps = rows.filter((r) => r.code === 'sales' || r.code === DEPT_ROLE_CODE);
  const rep = reps.sort((x, y) => size.get(y.department_id!)! - size.get(x.department_id!)!)[0];
  if (!rep) throw new Error('the bench account has no sales rep');
  // A plain update: the users API would refuse nothing here, and the bench must not depend on its rules.
  if (rep.code !== DEPT_ROLE_CODE) await deps.db.updateTable('users').set({ role_id: roleId }).where('id', '=', rep.id).execute();
  const members = rows.filter((r) => r.department_id === rep.department_id).map((r) => r.id);
  return { rep: { email: rep.email, password: DEMO_PASSWORD, userId: rep.id, departmentId: rep.department_id! }, members };
}

/** Creates custom.budget (money) and gives ~60% of the customers a value, in one statement (the API would take hours). */
async function ensureBudget(deps: AppDeps, tenantId: string): Promise<void> {
  const defs = await customFieldDefs(deps.db, tenantId, 'customer');
  if (!defs.some((d) => d.key === 'budget')) {
    await createCustomField(deps, systemActor(tenantId), {
      entity: 'customer', key: 'budget', labelZh: '预算', labelEn: 'Budget', type: 'money', required: false, options: [],
    });
  }
  const has = deps.dialect === 'postgres'
    ? sql`select 1 from customers where tenant_id = ${tenantId} and custom ? 'budget' limit 1`
    : sql`select 1 from customers where tenant_id = ${tenantId} and json_extract(custom, '$.budget') is not null limit 1`;
  if ((await has.execute(deps.db)).rows.length) return;
  // Whole yuan from 0 to 2,000,000 in steps of 10.
  const fill = deps.dialect === 'postgres'
    ? sql`update customers set custom = jsonb_set(custom, '{budget}', to_jsonb(floor(random() * 200000)::int * 10))
        where tenant_id = ${tenantId} and random() < 0.6`
    : sql`update customers set custom = json_set(custom, '$.budget', (abs(random()) % 200000) * 10)
        where tenant_id = ${tenantId} and abs(random()) % 10 < 6`;
  await fill.execute(deps.db);
}

/** Tag names by how many customers carry them, most first. */
async function tagsByUse(deps: AppDeps, tenantId: string): Promise<string[]> {
  const rows = await deps.db.selectFrom('customer_tags as ct').innerJoin('tags as t', 't.id', 'ct.tag_id')
    .select(['t.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('ct.tenant_id', '=', tenantId).groupBy('t.name').orderBy('n', 'desc').execute();
  return rows.map((r) => r.name);
}

/** The two tags most often found together (on a sample of customers: tags correlate with region, tier, status …). */
async function tagPair(deps: AppDeps, tenantId: string): Promise<[string, string]> {
  const r = await sql<{ a: string; b: string }>`select t1.name as a, t2.name as b, count(*) as n
    from customer_tags c1
    join customer_tags c2 on c2.customer_id = c1.customer_id and c2.tag_id > c1.tag_id
    join tags t1 on t1.id = c1.tag_id
    join tags t2 on t2.id = c2.tag_id
    where c1.customer_id in (select id from customers where tenant_id = ${tenantId} order by id limit 20000)
    group by t1.name, t2.name order by n desc, a, b limit 1`.execute(deps.db);
  const top = r.rows[0];
  if (!top) throw new Error('no customer of the bench account has two tags');
  return [top.a, top.b];
}

/** Search words taken from real customers of the rep's department, so every search has answers. */
async function keywordsOf(deps: AppDeps, tenantId: string, customerIds: string[]) {
  const rows = await deps.db.selectFrom('customers').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', customerIds).execute();
  const mobiles = await deps.db.selectFrom('contacts').select(['customer_id', 'mobile']).where('tenant_id', '=', tenantId)
    .where('customer_id', 'in', customerIds).where('mobile', 'is not', null).execute();
  const cn2: string[] = [];
  const cn3: string[] = [];
  const initials: string[] = [];
  for (const r of rows) {
    const core = normalizeCompanyName(r.name);
    if (!CJK.test(core) || core.length < 2) continue;
    cn2.push(core.slice(0, 2));
    if (core.length >= 3) cn3.push(core.slice(0, Math.min(4, core.length)));
    if (core.length >= 3) initials.push(pinyin(core.slice(0, 4), { pattern: 'first', toneType: 'none', type: 'array' }).join(''));
  }
  const last4 = mobiles.map((m) => m.mobile!.slice(-4));
  if (!cn2.length || !cn3.length || !initials.length || !last4.length) throw new Error('the bench account has too few customers with Chinese names and mobiles');
  return { cn2, cn3, initials, last4 };
}

/**
 * Prepares the bench account for the scenarios (idempotent): the department-scope role and its rep, custom.budget
 * with values, and the tags, words and customers the requests use.
 */
export async function ensureBenchFixtures(deps: AppDeps, tenantId: string, opts: { samples?: number } = {}): Promise<BenchFixtures> {
  const roleId = await departmentRoleId(deps, tenantId);
  const { rep, members } = await benchRep(deps, tenantId, roleId);
  await ensureBudget(deps, tenantId);
  const tags = await tagsByUse(deps, tenantId);
  if (tags.length < 4) throw new Error('the bench account needs at least four tags in use');
  const pair = await tagPair(deps, tenantId);
  // Fresh planner statistics on PostgreSQL for every table, as autovacuum would have them on a live system: the
  // demo load analyses only the big tables, and without statistics on users and tags the planner guessed a
  // department has one user and picked a nested loop over 74,000 customers (5 s instead of 5 ms).
  if (deps.dialect === 'postgres') await sql`analyze`.execute(deps.db);
  // Spread the samples over the department's customers: every 7th of the first samples × 7 by id (ids are UUIDv7).
  const samples = opts.samples ?? 40;
  const ids = await deps.db.selectFrom('customers').select('id').where('tenant_id', '=', tenantId).where('owner_id', 'in', members)
    .where('deleted_at', 'is', null).where('pool_id', 'is', null).orderBy('id').limit(samples * 7).execute();
  const customerIds = ids.filter((_, i) => i % 7 === 0).map((r) => r.id);
  if (customerIds.length === 0) throw new Error("the bench account has no customers in the rep's department");
  return {
    tenantId,
    admin: { email: BENCH_ADMIN_EMAIL, password: BENCH_PASSWORD },
    rep, departmentUserIds: members,
    // The most used tag alone; the pair most often found together, without the most used other tag.
    tags: { one: tags[0]!, a: pair[0], b: pair[1], not: tags.find((t) => !pair.includes(t))! },
    budgetAtLeast: 800_000,
    keywords: await keywordsOf(deps, tenantId, customerIds),
    customerIds,
  };
}
