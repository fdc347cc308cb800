import type { Insertable, Updateable } from 'kysely';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { ContactsTable, CustomersTable, Db } from '../../db/database';
import { escapeLike, type DialectName } from '../../db/dialect';
import { scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';

export const CUSTOMER_SCOPE = { owner: 'customers.owner_id' } as const;

/** Customers the actor may reach: same tenant, within data scope; by default not in the recycle bin. */
export function scopedCustomers(db: Db, actor: Actor, opts: { deleted?: boolean } = {}) {
  return db
    .selectFrom('customers')
    .where('customers.tenant_id', '=', actor.tenantId)
    .where(scopeFilter(actor, CUSTOMER_SCOPE))
    .where('customers.deleted_at', opts.deleted ? 'is not' : 'is', null);
}

const COLUMNS = [
  'customers.id', 'customers.number', 'customers.name', 'customers.type', 'customers.industry', 'customers.industry_note',
  'customers.source', 'customers.size', 'customers.province', 'customers.city', 'customers.district', 'customers.street',
  'customers.owner_id', 'customers.status', 'customers.requirement', 'customers.product_preference',
  'customers.communication_preference', 'customers.value_tier', 'customers.risk_level', 'customers.first_contact_at',
  'customers.last_follow_up_at', 'customers.won_at', 'customers.purchase_frequency', 'customers.avg_order_value',
  'customers.gender', 'customers.birthday', 'customers.staff_count', 'customers.annual_revenue', 'customers.completeness',
  'customers.custom', 'customers.pool_id', 'customers.pooled_at', 'customers.last_owner_id', 'customers.locked', 'customers.owned_since', 'customers.deleted_at',
  'customers.version', 'customers.created_at', 'customers.updated_at',
] as const;

/** The customers of a public pool (membership is checked by the caller): same tenant, not deleted. */
export function poolCustomers(db: Db, actor: Actor, poolId: string) {
  return db
    .selectFrom('customers')
    .where('customers.tenant_id', '=', actor.tenantId)
    .where('customers.pool_id', '=', poolId)
    .where('customers.deleted_at', 'is', null);
}

export function selectCustomerColumns(q: ReturnType<typeof scopedCustomers>) {
  return q.leftJoin('users as owner', 'owner.id', 'customers.owner_id').select(COLUMNS).select('owner.name as owner_name');
}
export type CustomerRow = Awaited<ReturnType<ReturnType<typeof selectCustomerColumns>['executeTakeFirstOrThrow']>>;

// One customer row from the JSON array `customerBatchAfter` reads on SQLite, in COLUMNS' order then the owner's name.
const rowOfArray = (a: never[]) => ({
  id: a[0], number: a[1], name: a[2], type: a[3], industry: a[4], industry_note: a[5], source: a[6], size: a[7], province: a[8], city: a[9], district: a[10], street: a[11], owner_id: a[12], status: a[13], requirement: a[14], product_preference: a[15], communication_preference: a[16], value_tier: a[17], risk_level: a[18], first_contact_at: a[19], last_follow_up_at: a[20], won_at: a[21], purchase_frequency: a[22], avg_order_value: a[23], gender: a[24], birthday: a[25], staff_count: a[26], annual_revenue: a[27], completeness: a[28], custom: a[29], pool_id: a[30], pooled_at: a[31], last_owner_id: a[32], locked: a[33], owned_since: a[34], deleted_at: a[35], version: a[36], created_at: a[37], updated_at: a[38], owner_name: a[39],
}) as unknown as CustomerRow; // the values are the columns of selectCustomerColumns, by position

/** What an export's columns show beyond the customer row: leaving one out saves its lookups. */
export type ExportNeeds = { tags: boolean; primaryContact: boolean };
/** A customer row with its tag ids (unordered) and its primary contact as `contactsOf` would list it first. */
export type ExportCustomerRow = { row: CustomerRow; tagIds: string[]; contact: { id: string; name: string; mobile: string | null; email: string | null } | null };

/**
 * Keyset pages of customers in id order after `afterId`, for exports, with what `need` asks for, in one statement:
 * each customer's tag ids (unordered) and its primary contact (the first by `contactsOf`'s order) come from
 * correlated index lookups. On SQLite the customer row itself comes back as one JSON array (`json_array`,
 * round-trip precision for reals) that JSON.parse turns into values: better-sqlite3 builds every row object
 * through V8's API, and a 40-column row object cost 0.97 CPU-s per 100,000 rows against 0.48 for the whole JSON
 * round trip; the batch's contact and tag rows as objects cost about as much again. On PostgreSQL the batch's
 * `customer_id in (…)` lookups of 2,000 ids were planned as scans (~60 ms a batch); the per-customer lookups use
 * the indexes (docs/performance.md).
 */
export async function customerBatchAfter(dialect: DialectName, q: ReturnType<typeof scopedCustomers>, afterId: string | null, limit: number, need: ExportNeeds): Promise<ExportCustomerRow[]> {
  const pg = dialect === 'postgres';
  const page = (afterId ? q.where('customers.id', '>', afterId) : q).orderBy('customers.id').limit(limit).leftJoin('users as owner', 'owner.id', 'customers.owner_id')
    .select(need.tags
      ? sql<string | null>`(select ${pg ? sql`string_agg(ct.tag_id, ',')` : sql`group_concat(ct.tag_id)`} from customer_tags ct where ct.customer_id = customers.id and ct.tenant_id = customers.tenant_id)`.as('tag_ids')
      : sql<null>`null`.as('tag_ids'))
    .select(need.primaryContact
      ? sql<string | null>`(select ${pg ? sql`json_build_array(c.id, c.name, c.mobile, c.email)::text` : sql`json_array(c.id, c.name, c.mobile, c.email)`} from contacts c where c.tenant_id = customers.tenant_id and c.customer_id = customers.id order by c.is_primary desc, c.created_at limit 1)`.as('primary_contact')
      : sql<null>`null`.as('primary_contact'));
  const extra = (r: { tag_ids: string | null; primary_contact: string | null }) => {
    const c = r.primary_contact === null ? null : (JSON.parse(r.primary_contact) as [string, string, string | null, string | null]);
    return { tagIds: r.tag_ids ? r.tag_ids.split(',') : [], contact: c && { id: c[0], name: c[1], mobile: c[2], email: c[3] } };
  };
  if (pg) {
    const rows = await page.select(COLUMNS).select('owner.name as owner_name').execute();
    return rows.map((r) => {
      const { tag_ids: _t, primary_contact: _c, ...row } = r;
      return { row, ...extra(r) };
    });
  }
  const rows = await page.select(sql<string>`json_array(${sql.join(COLUMNS.map((c) => sql.ref(c)))}, owner.name)`.as('r')).execute();
  return rows.map((r) => ({ row: rowOfArray(JSON.parse(r.r) as never[]), ...extra(r) }));
}

export function findCustomer(db: Db, actor: Actor, id: string, opts: { deleted?: boolean } = {}) {
  return selectCustomerColumns(scopedCustomers(db, actor, opts).where('customers.id', '=', id)).executeTakeFirst();
}

export function findPoolCustomer(db: Db, actor: Actor, id: string) {
  return selectCustomerColumns(
    db.selectFrom('customers').where('customers.tenant_id', '=', actor.tenantId).where('customers.id', '=', id)
      .where('customers.pool_id', 'is not', null).where('customers.deleted_at', 'is', null),
  ).executeTakeFirst();
}

// An FTS5 phrase query: with the trigram tokenizer it matches the text as a substring.
const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Customer ids of the tenant matching the keyword index (trigram FTS on SQLite, pg_trgm on PostgreSQL). */
export function keywordCondition(dialect: DialectName, tenantId: string, pattern: { text: string; minLengthOk: boolean }): RawBuilder<SqlBool> {
  if (dialect === 'postgres' || !pattern.minLengthOk) {
    const like = `%${escapeLike(pattern.text)}%`;
    return dialect === 'postgres'
      ? sql<SqlBool>`customers.search_text ilike ${like} escape '\\'`
      : sql<SqlBool>`customers.search_text like ${like} escape '\\'`;
  }
  return sql<SqlBool>`customers.id in (select customer_id from customers_fts where customers_fts match ${ftsPhrase(pattern.text)} and tenant_id = ${tenantId})`;
}

/**
 * How many customers the keyword index matches, counting no further than `cap` (SQLite: of any tenant, from the
 * FTS index alone, well under a millisecond). On PostgreSQL sequential scans are off for this one statement: the
 * planner guesses ~1% of rows match any ILIKE pattern, and with a LIMIT it would rather walk the table than the
 * trigram index — 14 s for a name that 107 customers have (docs/performance.md).
 */
async function keywordHits(db: Db, dialect: DialectName, pattern: { text: string }, cap: number): Promise<number> {
  if (dialect === 'sqlite') {
    const r = await sql<{ n: number }>`select count(*) as n from (select rowid from customers_fts where customers_fts match ${ftsPhrase(pattern.text)} limit ${cap + 1})`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const like = `%${escapeLike(pattern.text)}%`;
    const r = await sql<{ n: number }>`select count(*) as n from (select 1 from customers where search_text ilike ${like} escape '\\' limit ${cap + 1}) hits`.execute(trx);
    return Number(r.rows[0]?.n ?? 0);
  });
}

/**
 * Up to this many matches a keyword list reads from the matches (measured at 1,000,000 customers). On SQLite the
 * matches come from the FTS index for ~1 µs each; on PostgreSQL each is a heap row to recheck, often not in shared
 * buffers (~50 µs), so finding out costs more there: at 3,000 the check alone took 370 ms for a common word, at
 * 300 mid-frequency initials walked the list for over a second.
 */
const KEYWORD_DRIVE_LIMIT: Record<DialectName, number> = { sqlite: 3000, postgres: 1000 };

/**
 * Which way a keyword list reads, for the page and for its count: outward from the keyword's matches (see
 * keywordScopedCustomers), or along the list order testing each customer. Few matches: from the matches. Many: the
 * page walks the list order (it finds 50 matches soon); the count still goes from the matches on SQLite, where they
 * come straight from the FTS index and counting stops at the cap, but not on PostgreSQL, where reading every match
 * of a common word would cost more than the walk.
 */
export async function keywordPlan(db: Db, dialect: DialectName, pattern: { text: string; minLengthOk: boolean }) {
  if (!pattern.minLengthOk) return { page: 'list', count: 'list' } as const;
  const limit = KEYWORD_DRIVE_LIMIT[dialect];
  if ((await keywordHits(db, dialect, pattern, limit)) <= limit) return { page: 'matches', count: 'matches' } as const;
  return { page: 'list', count: dialect === 'sqlite' ? 'matches' : 'list' } as const;
}

/**
 * The customers the actor may reach (as scopedCustomers), read outward from the keyword index's matches: on SQLite
 * CROSS JOIN takes the FTS matches first and looks each customer up by id; on PostgreSQL `offset 0` keeps the
 * matches a separate trigram-index scan. Written as a plain condition, both planners may walk the whole tenant in
 * list order testing every customer, as they underestimate a tenant's customers (SQLite) or overestimate the
 * matches (PostgreSQL). Worth it when the matches are few; for common words walking in list order wins.
 */
export function keywordScopedCustomers(db: Db, dialect: DialectName, actor: Actor, pattern: { text: string }) {
  const like = `%${escapeLike(pattern.text)}%`;
  const hits = dialect === 'sqlite'
    ? sql<{ customer_id: string }>`(select customer_id from customers_fts where customers_fts match ${ftsPhrase(pattern.text)} and tenant_id = ${actor.tenantId})`
    : sql<{ customer_id: string }>`(select id as customer_id from customers where tenant_id = ${actor.tenantId} and search_text ilike ${like} escape '\\' offset 0)`;
  const q = db.selectFrom(hits.as('kw')).crossJoin('customers').whereRef('customers.id', '=', 'kw.customer_id')
    .where('customers.tenant_id', '=', actor.tenantId)
    .where(scopeFilter(actor, CUSTOMER_SCOPE))
    .where('customers.deleted_at', 'is', null);
  // Only the customers' columns are ever selected from it, so it stands in for a scopedCustomers query.
  return q as unknown as ReturnType<typeof scopedCustomers>;
}

/** The ids of the tenant's tags with these names (filters compare ids: see hasTagIdsSql). */
export async function tagIdsByName(db: Db, tenantId: string, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await db.selectFrom('tags').select(['id', 'name']).where('tenant_id', '=', tenantId).where('name', 'in', [...new Set(names)]).execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

export async function insertCustomer(db: Db, row: Insertable<CustomersTable>): Promise<void> {
  await db.insertInto('customers').values(row).execute();
}

/** Updates a reachable customer when `version` still matches; false when it changed meanwhile or is out of reach. */
export async function updateCustomer(db: Db, actor: Actor, id: string, version: number, set: Updateable<CustomersTable>): Promise<boolean> {
  const res = await db
    .updateTable('customers')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('customers.tenant_id', '=', actor.tenantId)
    .where('customers.id', '=', id)
    .where('customers.version', '=', version)
    .where(scopeFilter(actor, CUSTOMER_SCOPE))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Writes derived columns (search text, completeness) without touching version: they follow other changes. */
export async function writeDerived(db: Db, tenantId: string, id: string, set: { search_text?: string; completeness?: number; updated_at?: string }) {
  await db.updateTable('customers').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function purgeCustomer(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('customer_tags').where('tenant_id', '=', tenantId).where('customer_id', '=', id).execute();
  await db.deleteFrom('contacts').where('tenant_id', '=', tenantId).where('customer_id', '=', id).execute();
  await db.deleteFrom('timeline_events').where('tenant_id', '=', tenantId).where('customer_id', '=', id).execute();
  await db.deleteFrom('customers').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function insertContact(db: Db, row: Insertable<ContactsTable>): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

/** Contacts of some customers (one query for a page of customers). */
export function contactsOf(db: Db, tenantId: string, customerIds: string[]) {
  if (customerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('contacts')
    .select(['id', 'customer_id', 'name', 'title', 'mobile', 'email', 'is_primary'])
    .where('tenant_id', '=', tenantId)
    .where('customer_id', 'in', customerIds)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .execute();
}

/** Tag names per customer for a page of customers. */
export async function tagsOf(db: Db, tenantId: string, customerIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (customerIds.length === 0) return out;
  const rows = await db
    .selectFrom('customer_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .select(['ct.customer_id', 't.name'])
    .where('ct.tenant_id', '=', tenantId)
    .where('ct.customer_id', 'in', customerIds)
    .orderBy('t.name')
    .execute();
  for (const r of rows) out.set(r.customer_id, [...(out.get(r.customer_id) ?? []), r.name]);
  return out;
}

/** The tenant's tags in the database's name order (the order `tagsOf` lists a customer's tags in). */
export function tenantTagsByName(db: Db, tenantId: string) {
  return db.selectFrom('tags').select(['id', 'name']).where('tenant_id', '=', tenantId).orderBy('name').execute();
}

// The tag ids of the names, as an uncorrelated subquery: both databases evaluate it once per statement, and each
// customer row then costs one probe of customer_tags' primary key (customer_id, tag_id) per tag, instead of a
// join through tags by name for every row (measured at 1M customers: docs/performance.md).
const tagIdsOf = (tenantId: string, names: string[]) => sql`(select t.id from tags t where t.tenant_id = ${tenantId} and t.name in (${sql.join(names)}))`;

/**
 * "The customer has one of these tags", by tag id: the planner then knows how common each tag is (PostgreSQL keeps
 * per-value statistics; by name it assumed every tag equally common and drove a count from a tag 3× more common
 * than it thought: 1.7 s).
 */
export function hasTagIdsSql(tagIds: string[]): Expression<SqlBool> {
  if (tagIds.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`exists (select 1 from customer_tags ct where ct.customer_id = customers.id and ct.tag_id in (${sql.join(tagIds)}))`;
}

/** SQL for "the customer has a tag named one of …" (used by filters). */
export function hasTagSql(tenantId: string, names: string[]): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from customer_tags ct where ct.customer_id = customers.id and ct.tag_id in ${tagIdsOf(tenantId, names)})`;
}


export function noTagsSql(): Expression<SqlBool> {
  return sql<SqlBool>`not exists (select 1 from customer_tags ct where ct.customer_id = customers.id)`;
}
