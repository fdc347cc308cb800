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
  'customers.custom', 'customers.pool_id', 'customers.pooled_at', 'customers.locked', 'customers.owned_since', 'customers.deleted_at',
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

/** True when the keyword goes through the SQLite FTS5 trigram table (else: pg_trgm or a LIKE scan). */
export function usesKeywordTable(dialect: DialectName, pattern: { minLengthOk: boolean }): boolean {
  return dialect === 'sqlite' && pattern.minLengthOk;
}

/**
 * How many customers, of any tenant, the SQLite keyword table matches, counting no further than `cap`. It reads
 * the FTS index only (not its rows), so it costs well under a millisecond even for common words.
 */
export async function keywordHits(db: Db, pattern: { text: string }, cap: number): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from (select rowid from customers_fts where customers_fts match ${ftsPhrase(pattern.text)} limit ${cap + 1})`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * The customers the actor may reach (as scopedCustomers), read outward from the SQLite keyword table: CROSS JOIN
 * makes SQLite take the matches first and look each customer up by id. Written as `id in (…)` instead, the planner
 * may walk the whole tenant and test each customer against the matches, as it underestimates how many customers a
 * tenant has (docs/performance.md). Worth it when the matches are few; for common words scanning in list order wins.
 */
export function keywordScopedCustomers(db: Db, actor: Actor, pattern: { text: string }) {
  const hits = sql<{ customer_id: string }>`(select customer_id from customers_fts where customers_fts match ${ftsPhrase(pattern.text)} and tenant_id = ${actor.tenantId})`;
  const q = db.selectFrom(hits.as('kw')).crossJoin('customers').whereRef('customers.id', '=', 'kw.customer_id')
    .where('customers.tenant_id', '=', actor.tenantId)
    .where(scopeFilter(actor, CUSTOMER_SCOPE))
    .where('customers.deleted_at', 'is', null);
  // Only the customers' columns are ever selected from it, so it stands in for a scopedCustomers query.
  return q as unknown as ReturnType<typeof scopedCustomers>;
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

// The tag ids of the names, as an uncorrelated subquery: both databases evaluate it once per statement, and each
// customer row then costs one probe of customer_tags' primary key (customer_id, tag_id) per tag, instead of a
// join through tags by name for every row (measured at 1M customers: docs/performance.md).
const tagIdsOf = (tenantId: string, names: string[]) => sql`(select t.id from tags t where t.tenant_id = ${tenantId} and t.name in (${sql.join(names)}))`;

/** SQL for "the customer has a tag named one of …" (used by filters). */
export function hasTagSql(tenantId: string, names: string[]): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from customer_tags ct where ct.customer_id = customers.id and ct.tag_id in ${tagIdsOf(tenantId, names)})`;
}


export function noTagsSql(): Expression<SqlBool> {
  return sql<SqlBool>`not exists (select 1 from customer_tags ct where ct.customer_id = customers.id)`;
}
