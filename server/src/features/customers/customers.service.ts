import { parseConditionParam } from '@guanxi/common/conditions';
import type { TCreateCustomerRequest, TCustomer, TListCustomersQuery, TUpdateCustomerRequest } from '@guanxi/common/customers';
import type { CustomValue } from '@guanxi/common/fields';
import type { TCappedPage } from '@guanxi/common/pagination';
import { sql } from 'kysely';
import { dbBool, dbJson, readBool, readJson, readTimestamp } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { diffRecords, recordAudit } from '../../lib/audit';
import { compileCondition } from '../../lib/conditions';
import { AppError, type RuleDetail } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { revealOrMask } from '../../lib/masking';
import { cappedPageOf, offsetOf } from '../../lib/pagination';
import { dayInZone, nextSequence } from '../../lib/sequences';
import { appendTimeline } from '../../lib/timeline';
import { dictionaryLookup } from '../dictionaries/dictionaries.service';
import { customFieldDefs } from '../fields/fields.service';
import { daysLeft, defaultPool, poolAccess, poolDeadline } from '../pools/pools.service';
import { applyCustomerTags } from '../tags/tags.service';
import { findUserRef } from '../users/users.service';
import { contactColumns, customerColumns, type InputContext } from './customer-input';
import { completenessWeights, recomputeCompletenessBatch, refreshDerived } from './customer-derived';
import { CUSTOMER_SORTS, customerRegistry } from './customer-filters';
import { normalizeCompanyName, searchPattern } from './customer-text';
import { findDuplicates } from './duplicates';
import { CUSTOMER_SENSITIVE, flattenSensitive, toCustomer, unflattenSensitive, type PrimaryContact } from './customers.mapper';
import {
  contactsOf, findCustomer, findPoolCustomer, insertContact, insertCustomer, keywordCondition, keywordHits, keywordScopedCustomers,
  poolCustomers, scopedCustomers, selectCustomerColumns, tagsOf, updateCustomer, usesKeywordTable, type CustomerRow,
} from './customers.repository';

export async function inputContext(deps: AppDeps, actor: Actor): Promise<InputContext> {
  const [dict, customerDefs, contactDefs] = await Promise.all([
    dictionaryLookup(deps.db, actor.tenantId),
    customFieldDefs(deps.db, actor.tenantId, 'customer'),
    customFieldDefs(deps.db, actor.tenantId, 'contact'),
  ]);
  return { dict, customerDefs, contactDefs, locale: actor.locale };
}

/** DTOs for customer rows: tags and primary contact in two batched queries, sensitive fields masked or logged. */
export async function presentCustomers(deps: AppDeps, actor: Actor, rows: CustomerRow[], action: 'view' | 'export' = 'view'): Promise<TCustomer[]> {
  const dtos = await unmaskedCustomers(deps, actor.tenantId, rows);
  const flat = await revealOrMask(deps, actor, 'customer', dtos.map(flattenSensitive), CUSTOMER_SENSITIVE, action);
  return dtos.map((d, i) => unflattenSensitive(d, flat[i]!));
}

/** Customer DTOs as stored, unmasked and unlogged: for audit snapshots only, never for a response. */
async function unmaskedCustomers(deps: AppDeps, tenantId: string, rows: CustomerRow[]): Promise<TCustomer[]> {
  const ids = rows.map((r) => r.id);
  const [tags, contacts, pool] = await Promise.all([
    tagsOf(deps.db, tenantId, ids), contactsOf(deps.db, tenantId, ids), defaultPool(deps, tenantId),
  ]);
  const now = deps.clock.now();
  const left = (r: CustomerRow) => daysLeft(poolDeadline(pool.rules, {
    ownerId: r.owner_id, poolId: r.pool_id, status: r.status, valueTier: r.value_tier, locked: readBool(r.locked),
    lastFollowUpAt: readTimestamp(r.last_follow_up_at, true), ownedSince: readTimestamp(r.owned_since, true), createdAt: readTimestamp(r.created_at),
  }), now);
  // contactsOf lists each customer's primary contact first.
  const primary = new Map<string, PrimaryContact>();
  for (const c of contacts) {
    if (!primary.has(c.customer_id)) primary.set(c.customer_id, { id: c.id, name: c.name, mobile: c.mobile, email: c.email });
  }
  return rows.map((r) => toCustomer(r, { tags: tags.get(r.id) ?? [], primaryContact: primary.get(r.id) ?? null, poolDaysLeft: left(r) }));
}

export async function getCustomer(deps: AppDeps, actor: Actor, id: string, opts: { deleted?: boolean } = {}): Promise<TCustomer> {
  assertCan(actor, 'customers', 'view');
  let row = await findCustomer(deps.db, actor, id, opts);
  if (!row && !opts.deleted) {
    // A customer in a public pool has no owner: members of that pool may look at it before claiming.
    const pooled = await findPoolCustomer(deps.db, actor, id);
    if (pooled?.pool_id && (await poolAccess(deps, actor, pooled.pool_id))?.member) row = pooled;
  }
  if (!row) throw new AppError('NOT_FOUND');
  return (await presentCustomers(deps, actor, [row]))[0]!;
}

function throwIfErrors(errors: RuleDetail[]) {
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
}

async function assertOwner(deps: AppDeps, actor: Actor, ownerId: string) {
  if (ownerId === actor.userId) return;
  assertCan(actor, 'customers', 'transfer');
  const u = await findUserRef(deps.db, actor.tenantId, ownerId);
  if (!u || !readBool(u.active)) throw AppError.invalid('ownerId', 'owner_inactive');
}

async function assertNoDuplicates(deps: AppDeps, actor: Actor, probe: Parameters<typeof findDuplicates>[2]) {
  const matches = await findDuplicates(deps, actor, probe);
  if (matches.length === 0) return;
  const field = (m: (typeof matches)[number]) => (m.matchedOn[0] === 'name' || !m.matchedOn[0] ? 'name' : `contact.${m.matchedOn[0]}`);
  throw new AppError('DUPLICATE', matches.map((m) => ({
    field: field(m), rule: 'duplicate', params: { name: m.name, owner: m.ownerName ?? '—' }, data: m,
  })));
}

/**
 * Creates a customer with its first contact (seed 000). Numbers are CUST + the tenant-local date + a 4-digit
 * daily sequence, drawn atomically. Unless `allowDuplicate`, a customer that looks like an existing one
 * (normalised name, contact mobile or email) is refused with 409 DUPLICATE listing the matches.
 */
export async function createCustomer(deps: AppDeps, actor: Actor, input: TCreateCustomerRequest): Promise<TCustomer> {
  assertCan(actor, 'customers', 'create');
  const ctx = await inputContext(deps, actor);
  const c = customerColumns(ctx, input, { partial: false });
  const ct = contactColumns(ctx, input.contact, { partial: false, prefix: 'contact.' });
  throwIfErrors([...c.errors, ...ct.errors]);
  const ownerId = input.ownerId ?? actor.userId;
  await assertOwner(deps, actor, ownerId);
  if (!input.allowDuplicate) {
    await assertNoDuplicates(deps, actor, { name: input.name, mobiles: [ct.set.mobile as string], emails: [ct.set.email as string | null] });
  }

  const id = newId();
  const contactId = newId();
  const now = deps.clock.now();
  const iso = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const day = dayInZone(now, 'Asia/Shanghai');
    const seq = await nextSequence(trx, actor.tenantId, 'customer', day);
    const number = `CUST${day}${String(seq).padStart(4, '0')}`;
    await insertCustomer(trx, {
      ...(c.set as object), id, tenant_id: actor.tenantId, number, name: input.name.trim(), name_norm: normalizeCompanyName(input.name),
      type: input.type, industry: c.set.industry as string, source: c.set.source as string, status: input.status,
      owner_id: ownerId, owned_since: iso, custom: dbJson(deps.dialect, c.custom ?? {}), search_text: '', created_by: actor.userId,
      won_at: input.status === 'won' ? iso : null, created_at: iso, updated_at: iso,
    });
    await insertContact(trx, {
      ...(ct.set as object), id: contactId, tenant_id: actor.tenantId, customer_id: id, name: input.contact.name.trim(),
      is_primary: dbBool(deps.dialect, true), custom: dbJson(deps.dialect, ct.custom ?? {}), created_at: iso, updated_at: iso,
    });
    if (input.tags?.length) await applyCustomerTags(trx, actor.tenantId, id, { set: input.tags }, iso);
    await refreshDerived(trx, actor.tenantId, id);
    await appendTimeline({ ...deps, db: trx }, actor, { customerId: id, type: 'created', data: { number, name: input.name } });
    await recordAudit({ ...deps, db: trx }, actor, {
      entity: 'customer', entityId: id, action: 'create',
      after: { number, name: input.name, ownerId, status: input.status, contact: input.contact.name },
    });
  });
  return getCustomer(deps, actor, id);
}

function sortOf(q: TListCustomersQuery, registry: ReturnType<typeof customerRegistry>) {
  const raw = q.sort ?? '-updatedAt';
  const desc = raw.startsWith('-');
  const key = desc ? raw.slice(1) : raw;
  const def = (CUSTOMER_SORTS as readonly string[]).includes(key) || key.startsWith('custom.') ? registry(key) : undefined;
  if (!def || def.kind !== 'expr') throw AppError.invalid('sort', 'one_of', { options: [...CUSTOMER_SORTS, 'custom.<key>'].join(', ') });
  // Empty values last in both directions, the same on both databases.
  return { expr: def.expr, direction: desc ? sql`desc nulls last` : sql`asc nulls last` };
}

/**
 * A page of the customers the actor may see, filtered by a condition tree (any field, custom fields, tag
 * combinations), a keyword (Chinese substring, pinyin, initials, number, mobile or its last four, email) and
 * shortcuts (owner, status, tag), sorted and paginated on the server.
 */
export async function listCustomers(deps: AppDeps, actor: Actor, q: TListCustomersQuery): Promise<TCappedPage<TCustomer>> {
  assertCan(actor, 'customers', 'view');
  const deleted = q.deleted === 'true';
  if (deleted) assertCan(actor, 'customers', 'delete');
  let filter;
  try {
    filter = parseConditionParam(q.filter);
  } catch {
    throw AppError.invalid('filter', 'format');
  }
  const registry = customerRegistry(deps.dialect, actor.tenantId, await customFieldDefs(deps.db, actor.tenantId, 'customer'));
  let base = scopedCustomers(deps.db, actor, { deleted });
  if (q.poolId) {
    const access = await poolAccess(deps, actor, q.poolId);
    if (!access?.member) throw new AppError('NOT_FOUND');
    base = poolCustomers(deps.db, actor, q.poolId) as typeof base;
  }
  const narrow = (b: typeof base) => {
    let out = b;
    if (filter) out = out.where(compileCondition(filter, registry, deps.dialect));
    if (q.ownerId) out = out.where('customers.owner_id', '=', q.ownerId);
    if (q.status) out = out.where('customers.status', '=', q.status);
    if (q.tag) out = out.where(compileCondition({ field: 'tags', op: 'hasAny', value: [q.tag] }, registry, deps.dialect));
    return out;
  };
  base = narrow(base);
  let countBase = base;
  if (q.q) {
    const pattern = searchPattern(q.q);
    base = base.where(keywordCondition(deps.dialect, actor.tenantId, pattern));
    countBase = base;
    if (usesKeywordTable(deps.dialect, pattern) && !q.poolId && !deleted) {
      // Counting goes from the matches outward (it stops at the cap); so does the page when the matches are few.
      countBase = narrow(keywordScopedCustomers(deps.db, actor, pattern));
      if ((await keywordHits(deps.db, pattern, KEYWORD_DRIVE_LIMIT)) <= KEYWORD_DRIVE_LIMIT) base = countBase;
    }
  }
  const sort = sortOf(q, registry);
  const rows = await selectCustomerColumns(base).orderBy(sql`${sort.expr} ${sort.direction}`).orderBy('customers.id', 'desc')
    .limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = await countUpTo(deps, countBase, q, rows.length);
  return cappedPageOf(await presentCustomers(deps, actor, rows), count, q);
}

/**
 * A list counts its matches only as far as its pager reaches: this many pages beyond the requested one (page 1 of
 * 50: up to 200). Further than that the total is "at least" (ZPage `totalCapped`). Measured at 1,000,000
 * customers, counting to 1,000 cost 20–130 ms for the filters the bench uses, counting to 200 cost 2–12 ms.
 */
export const LIST_COUNT_PAGES_AHEAD = 3;

/**
 * Up to this many keyword matches (in all tenants), a keyword list reads the matches and sorts them; beyond it, it
 * walks the list order and tests each customer against the matches. Measured crossover at 1,000,000 customers.
 */
const KEYWORD_DRIVE_LIMIT = 3000;

/**
 * The list's total, counted up to a cap. An exact count of a broad filter reads every matching customer (at
 * 1,000,000 customers: seconds, docs/performance.md); counting stops after the cap instead. A page that is not
 * full ends the list, so its total is known without counting at all (most keyword searches).
 */
async function countUpTo(deps: AppDeps, base: ReturnType<typeof scopedCustomers>, q: TListCustomersQuery, pageRows: number) {
  const offset = offsetOf(q);
  if (pageRows < q.pageSize && (pageRows > 0 || offset === 0)) return { total: offset + pageRows, capped: false };
  const cap = offset + (1 + LIST_COUNT_PAGES_AHEAD) * q.pageSize;
  const row = await deps.db.selectFrom(base.select(sql<number>`1`.as('one')).limit(cap + 1).as('matches'))
    .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/** Edits a customer (send its `version`; a stale one gets 409 and nothing is written). */
export async function editCustomer(deps: AppDeps, actor: Actor, id: string, input: TUpdateCustomerRequest): Promise<TCustomer> {
  assertCan(actor, 'customers', 'edit');
  const row = await findCustomer(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const [before] = await unmaskedCustomers(deps, actor.tenantId, [row]);
  const ctx = await inputContext(deps, actor);
  const c = customerColumns(ctx, input, {
    partial: true,
    current: { industry: row.industry, industry_note: row.industry_note, province: row.province, city: row.city, district: row.district, custom: readJson<Record<string, CustomValue>>(row.custom, {}) },
  });
  throwIfErrors(c.errors);
  if (input.name !== undefined && !input.allowDuplicate && normalizeCompanyName(input.name) !== normalizeCompanyName(row.name)) {
    await assertNoDuplicates(deps, actor, { name: input.name, excludeId: id });
  }
  const now = deps.clock.now().toISOString();
  const set = { ...c.set, updated_at: now } as typeof c.set;
  if (input.name !== undefined) set.name_norm = normalizeCompanyName(input.name);
  if (c.custom !== undefined) set.custom = dbJson(deps.dialect, c.custom);
  if (input.status === 'won' && row.status !== 'won') set.won_at = now;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateCustomer(trx, actor, id, input.version, set))) throw new AppError('VERSION_CONFLICT');
    if (input.tags !== undefined) await applyCustomerTags(trx, actor.tenantId, id, { set: input.tags }, now);
    await refreshDerived(trx, actor.tenantId, id);
    const afterRow = (await findCustomer(trx, { ...actor, via: 'system' }, id))!;
    const [after] = await unmaskedCustomers({ ...deps, db: trx }, actor.tenantId, [afterRow]);
    const changes = customerChanges(before!, after!);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'customer', entityId: id, action: 'update', changes });
    if (changes.length) await appendTimeline({ ...deps, db: trx }, actor, { customerId: id, type: 'updated', data: { changes } });
  });
  return getCustomer(deps, actor, id);
}

/** Field changes worth recording (derived and display-only fields left out). */
export function customerChanges(before: TCustomer, after: TCustomer) {
  const strip = (c: TCustomer) => {
    const { completeness: _c, primaryContact: _p, ownerName: _o, updatedAt: _u, version: _v, ...rest } = c;
    return rest as Record<string, unknown>;
  };
  return diffRecords(strip(before), strip(after));
}

/** True when the customer exists for the actor (tenant, data scope, not in the recycle bin). */
export async function customerInScope(deps: AppDeps, actor: Actor, id: string): Promise<boolean> {
  return (await findCustomer(deps.db, actor, id)) !== undefined;
}

/** Checks a contact's fields with the tenant's rules (for the contacts feature); throws 400 with every problem. */
export async function contactInput(
  deps: AppDeps,
  actor: Actor,
  input: Parameters<typeof contactColumns>[1],
  opts: { partial: boolean; currentCustom?: Record<string, CustomValue> },
) {
  const ctx = await inputContext(deps, actor);
  const r = contactColumns(ctx, input, opts);
  throwIfErrors(r.errors);
  return r;
}

/** Recomputes a customer's keyword text and completeness after its contacts changed (caller's transaction). */
export function refreshCustomerDerived(db: AppDeps['db'], tenantId: string, customerId: string): Promise<void> {
  return refreshDerived(db, tenantId, customerId);
}

/** The tenant's completeness weights (for the settings feature). */
export function completenessWeightsOf(db: AppDeps['db'], tenantId: string) {
  return completenessWeights(db, tenantId);
}

/** One resumable batch of a tenant-wide completeness recompute (for the settings feature's job). */
export function recomputeCompletenessStep(db: AppDeps['db'], tenantId: string, afterId: string | null) {
  return recomputeCompletenessBatch(db, tenantId, afterId);
}
