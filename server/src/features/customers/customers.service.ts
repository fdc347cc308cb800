import { leavesOf, parseConditionParam } from '@guanxi/common/conditions';
import { ZCreateCustomerRequest, type TCreateCustomerRequest, type TCustomer, type TListCustomersQuery, type TUpdateCustomerRequest } from '@guanxi/common/customers';
import { issuesToDetails } from '@guanxi/common/validation';
import type { CustomValue } from '@guanxi/common/fields';
import type { TCappedPage } from '@guanxi/common/pagination';
import { sql } from 'kysely';
import { beginSearchIndexBulk, dbBool, dbJson, endSearchIndexBulk, readBool, readJson } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { diffRecords, recordAudit, recordAuditMany } from '../../lib/audit';
import { compileCondition } from '../../lib/conditions';
import { AppError, type RuleDetail } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { revealOrMask } from '../../lib/masking';
import { cappedCount, cappedPageOf, COUNT_PAGES_AHEAD, offsetOf } from '../../lib/pagination';
import { dayInZone, nextSequence, nextSequenceRange } from '../../lib/sequences';
import { appendTimeline, appendTimelineMany } from '../../lib/timeline';
import { dictionaryLookup } from '../dictionaries/dictionaries.service';
import { customFieldDefs } from '../fields/fields.service';
import { daysLeft, defaultPool, poolAccess, poolDeadline } from '../pools/pools.service';
import { applyCustomerTags, ensureCustomerTags, linkCustomerTagsMany } from '../tags/tags.service';
import { findUserRef } from '../users/users.service';
import { contactColumns, customerColumns, type InputContext } from './customer-input';

export type { InputContext } from './customer-input';
export { findDuplicates } from './duplicates';
export { normalizeCompanyName } from './customer-text';
import { duplicateKeysOf, existingDuplicateKeys, insertMany } from './customer-batch';
import { completenessOfValues, completenessWeights, recomputeCompletenessBatch, refreshDerived } from './customer-derived';
import { CUSTOMER_SORTS, customerRegistry } from './customer-filters';
import { buildSearchText, normalizeCompanyName, searchPattern } from './customer-text';
import { findDuplicates } from './duplicates';
import { CUSTOMER_SENSITIVE, flattenSensitive, storedTimestamp, toCustomer, unflattenSensitive, type PrimaryContact } from './customers.mapper';
import {
  contactsOf, customerBatchAfter, findCustomer, findPoolCustomer, insertContact, insertCustomer, keywordCondition, keywordPlan, keywordScopedCustomers,
  poolCustomers, scopedCustomers, selectCustomerColumns, tagIdsByName, tagsOf, tenantTagsByName, updateCustomer, type CustomerRow, type ExportCustomerRow, type ExportNeeds,
} from './customers.repository';

export async function inputContext(deps: AppDeps, actor: Actor): Promise<InputContext> {
  const [dict, customerDefs, contactDefs] = await Promise.all([
    dictionaryLookup(deps.db, actor.tenantId),
    customFieldDefs(deps.db, actor.tenantId, 'customer'),
    customFieldDefs(deps.db, actor.tenantId, 'contact'),
  ]);
  return { dict, customerDefs, contactDefs, locale: actor.locale };
}

/** Days until the customer returns to the public pool under the default pool's rules (null: it does not). */
function poolDaysLeftOf(rules: Awaited<ReturnType<typeof defaultPool>>['rules'], r: CustomerRow, now: Date) {
  return daysLeft(poolDeadline(rules, {
    ownerId: r.owner_id, poolId: r.pool_id, status: r.status, valueTier: r.value_tier, locked: readBool(r.locked),
    lastFollowUpAt: storedTimestamp(r.last_follow_up_at, true), ownedSince: storedTimestamp(r.owned_since, true), createdAt: storedTimestamp(r.created_at),
  }), now);
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
  // contactsOf lists each customer's primary contact first.
  const primary = new Map<string, PrimaryContact>();
  for (const c of contacts) {
    if (!primary.has(c.customer_id)) primary.set(c.customer_id, { id: c.id, name: c.name, mobile: c.mobile, email: c.email });
  }
  return rows.map((r) => toCustomer(r, { tags: tags.get(r.id) ?? [], primaryContact: primary.get(r.id) ?? null, poolDaysLeft: poolDaysLeftOf(pool.rules, r, now) }));
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

/**
 * The answer to a write the actor was allowed to make, whatever their data scope now says: a rep who hands a
 * customer to a colleague gets the record as written (masked as usual), not a 404 that would say it failed.
 */
export async function writtenCustomer(deps: AppDeps, actor: Actor, id: string): Promise<TCustomer> {
  const row = await findCustomer(deps.db, { ...actor, via: 'system' }, id);
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

  const id = await deps.db.transaction().execute((trx) => writeNewCustomer({ ...deps, db: trx }, actor, input, c, ct, ownerId));
  return getCustomer(deps, actor, id);
}

type Checked = { c: ReturnType<typeof customerColumns>; ct: ReturnType<typeof contactColumns> };

/** Writes a checked new customer with its first contact, tags, timeline and audit entry in the caller's transaction. */
async function writeNewCustomer(deps: AppDeps, actor: Actor, input: TCreateCustomerRequest, c: Checked['c'], ct: Checked['ct'], ownerId: string): Promise<string> {
  const trx = deps.db;
  const id = newId();
  const contactId = newId();
  const now = deps.clock.now();
  const iso = now.toISOString();
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
  await appendTimeline(deps, actor, { customerId: id, type: 'created', data: { number, name: input.name } });
  await recordAudit(deps, actor, {
    entity: 'customer', entityId: id, action: 'create',
    after: { number, name: input.name, ownerId, status: input.status, contact: input.contact.name },
  });
  return id;
}

/**
 * Checks one imported row with exactly the form's rules: the request schema (required, lengths, mobile, email,
 * enums) and then the tenant's dictionaries (label or code, zh or en), division data and custom fields.
 * Returns the parsed request or every problem (field + rule, params for the message).
 */
export function checkImportedCustomer(ctx: InputContext, raw: unknown): { input?: TCreateCustomerRequest; checked?: Checked; errors: RuleDetail[] } {
  const parsed = ZCreateCustomerRequest.safeParse(raw);
  if (!parsed.success) {
    const errors = schemaErrors(parsed.error.issues, raw);
    // Dictionary values are checked too, so the row shows every problem at once.
    const r = (raw ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const dict = customerColumns(ctx, { industry: str(r.industry), source: str(r.source), size: str(r.size) }, { partial: true });
    errors.push(...dict.errors.filter((e) => !errors.some((x) => x.field === e.field)));
    return { errors };
  }
  const input = parsed.data;
  const c = customerColumns(ctx, input, { partial: false });
  const ct = contactColumns(ctx, input.contact, { partial: false, prefix: 'contact.' });
  const errors = [...c.errors, ...ct.errors];
  return errors.length ? { errors } : { input, checked: { c, ct }, errors };
}

/** Zod issues of an imported row as rule details with their parameters (max length, options…), for any record type. */
export function schemaErrors(issues: readonly { path: PropertyKey[]; code: string; minimum?: unknown; maximum?: unknown; values?: unknown[] }[], raw: unknown): RuleDetail[] {
  return issuesToDetails(issues as never, raw, 'en').map((d) => ({ field: d.field, rule: d.rule ?? 'format', params: paramsOf(issues, d.field) }));
}

function paramsOf(issues: readonly { path: PropertyKey[]; code: string; minimum?: unknown; maximum?: unknown; values?: unknown[] }[], field: string): Record<string, string | number> | undefined {
  const issue = issues.find((i) => i.path.map(String).join('.') === field);
  if (!issue) return undefined;
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'invalid_value') return { options: (issue.values ?? []).map(String).join(', ') };
  return undefined;
}

export type ImportOutcome = { outcome: 'created' | 'updated' | 'skipped'; customerId?: string } | { outcome: 'failed'; errors: RuleDetail[] };

/**
 * Writes one checked imported row in the caller's transaction (`deps.db` is the transaction), after looking for
 * duplicates the way 查重 does (normalised name, contact mobile, email) — which also finds rows written earlier in
 * the same import. `skip` leaves a duplicate alone, `update` fills the existing customer's fields from the row
 * (and adds the row's contact when it is new to that customer), `create` writes a new customer anyway.
 */
export async function writeImportedCustomer(
  deps: AppDeps, actor: Actor, ctx: InputContext, row: { input: TCreateCustomerRequest; checked: Checked; present: Set<string> },
  policy: 'skip' | 'update' | 'create',
): Promise<ImportOutcome> {
  const { input, checked } = row;
  if (policy !== 'create') {
    const matches = await findDuplicates(deps, actor, {
      name: input.name, mobiles: [checked.ct.set.mobile as string], emails: [checked.ct.set.email as string | null],
    });
    if (matches.length) {
      if (policy === 'skip') return { outcome: 'skipped', customerId: matches[0]!.id };
      const target = matches.find((m) => m.visible && m.matchedOn.includes('name')) ?? matches.find((m) => m.visible);
      if (!target) {
        const m = matches[0]!;
        return { outcome: 'failed', errors: [{ field: 'name', rule: 'duplicate', params: { name: m.name, owner: m.ownerName ?? '—' } }] };
      }
      return updateImportedCustomer(deps, actor, ctx, target.id, row);
    }
  }
  const id = await writeNewCustomer(deps, actor, input, checked.c, checked.ct, actor.userId);
  return { outcome: 'created', customerId: id };
}

type ImportedRow = { input: TCreateCustomerRequest; checked: Checked; present: Set<string> };

/**
 * Writes a batch of checked imported rows in the caller's transaction with the same outcome, row for row, as
 * writeImportedCustomer on each in turn, but set-based: the duplicate check for the whole batch in three indexed
 * lookups (plus what earlier rows of the batch wrote), the batch's customer numbers in one sequence step, and the
 * new customers, contacts, tags, timeline and audit entries in multi-row INSERTs with their keyword text and
 * completeness computed before they are written. A row that updates an existing customer (`update`) is written
 * by writeImportedCustomer after the new rows before it. Any error rolls the caller's transaction back.
 */
export async function writeImportedCustomers(
  deps: AppDeps, actor: Actor, ctx: InputContext, rows: ImportedRow[], policy: 'skip' | 'update' | 'create',
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  const keys = rows.map((r) => duplicateKeysOf(r.input.name, r.checked.ct.set.mobile as string | null, r.checked.ct.set.email as string | null));
  const existing = policy === 'create' ? new Map<string, string>() : await existingDuplicateKeys(deps.db, actor.tenantId, keys);
  const written = new Map<string, string>();
  let pending: Array<{ row: ImportedRow; id: string }> = [];
  const flush = async () => {
    if (pending.length) await insertNewCustomers(deps, actor, pending);
    pending = [];
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const own = keys[i]!;
    if (policy !== 'create') {
      const hit = own.map((k) => existing.get(k) ?? written.get(k)).find((id) => id !== undefined);
      if (hit !== undefined) {
        if (policy === 'skip') {
          outcomes.push({ outcome: 'skipped', customerId: hit });
          continue;
        }
        // Updating reads and rewrites the stored customer: the new rows before it go in first.
        await flush();
        const o = await writeImportedCustomer(deps, actor, ctx, row, policy);
        outcomes.push(o);
        if (o.outcome !== 'failed' && o.customerId) for (const k of own) written.set(k, o.customerId);
        continue;
      }
    }
    const id = newId();
    pending.push({ row, id });
    outcomes.push({ outcome: 'created', customerId: id });
    for (const k of own) if (!written.has(k)) written.set(k, id);
  }
  await flush();
  return outcomes;
}

/** The multi-row write of new imported customers (see writeImportedCustomers); what writeNewCustomer does for one. */
async function insertNewCustomers(deps: AppDeps, actor: Actor, rows: Array<{ row: ImportedRow; id: string }>): Promise<void> {
  const trx = deps.db;
  const now = deps.clock.now();
  const iso = now.toISOString();
  const day = dayInZone(now, 'Asia/Shanghai');
  const first = await nextSequenceRange(trx, actor.tenantId, 'customer', day, rows.length);
  const [weights, tagIds] = await Promise.all([
    completenessWeights(trx, actor.tenantId),
    ensureCustomerTags(trx, actor.tenantId, rows.flatMap((r) => r.row.input.tags ?? []), iso),
  ]);
  const made = rows.map(({ row, id }, j) => {
    const { input, checked: { c, ct } } = row;
    const number = `CUST${day}${String(first + j).padStart(4, '0')}`;
    const name = input.name.trim();
    const tags = [...new Set((input.tags ?? []).map((t) => t.trim()).filter((t) => tagIds.has(t)))];
    const contact = { ...(ct.set as object), id: newId(), tenant_id: actor.tenantId, customer_id: id, name: input.contact.name.trim(),
      is_primary: dbBool(deps.dialect, true), custom: dbJson(deps.dialect, ct.custom ?? {}), created_at: iso, updated_at: iso };
    const values = { ...(c.set as object), industry: c.set.industry as string, source: c.set.source as string, name } as Parameters<typeof completenessOfValues>[0];
    const primary = { name: contact.name, title: (ct.set.title as string | null | undefined) ?? null, mobile: (ct.set.mobile as string | null | undefined) ?? null, email: (ct.set.email as string | null | undefined) ?? null };
    const customer = {
      ...(c.set as object), id, tenant_id: actor.tenantId, number, name, name_norm: normalizeCompanyName(input.name),
      type: input.type, industry: c.set.industry as string, source: c.set.source as string, status: input.status,
      owner_id: actor.userId, owned_since: iso, custom: dbJson(deps.dialect, c.custom ?? {}),
      search_text: buildSearchText({ name, number, contacts: [primary] }),
      completeness: completenessOfValues(values, primary, tags, weights).score,
      created_by: actor.userId, won_at: input.status === 'won' ? iso : null, created_at: iso, updated_at: iso,
    };
    return { id, input, number, customer, contact, tags };
  });
  await beginSearchIndexBulk(trx, deps.dialect);
  await insertMany((chunk) => trx.insertInto('customers').values(chunk as never).execute(), made.map((m) => m.customer as Record<string, unknown>));
  await endSearchIndexBulk(trx, deps.dialect, made.map((m) => ({ id: m.id, tenantId: actor.tenantId, searchText: m.customer.search_text })));
  await insertMany((chunk) => trx.insertInto('contacts').values(chunk as never).execute(), made.map((m) => m.contact as Record<string, unknown>));
  await linkCustomerTagsMany(trx, actor.tenantId, made.flatMap((m) => m.tags.map((t) => ({ customerId: m.id, tagId: tagIds.get(t)! }))), iso);
  await appendTimelineMany(deps, actor, made.map((m) => ({ customerId: m.id, type: 'created', data: { number: m.number, name: m.input.name } })));
  await recordAuditMany(deps, actor, made.map((m) => ({
    entity: 'customer', entityId: m.id, action: 'create',
    after: { number: m.number, name: m.input.name, ownerId: actor.userId, status: m.input.status, contact: m.input.contact.name },
  })));
}

async function updateImportedCustomer(
  deps: AppDeps, actor: Actor, ctx: InputContext, id: string, row: { input: TCreateCustomerRequest; present: Set<string> },
): Promise<ImportOutcome> {
  const trx = deps.db;
  const current = await findCustomer(trx, actor, id);
  if (!current) return { outcome: 'failed', errors: [{ field: 'name', rule: 'not_found' }] };
  const { input, present } = row;
  // Only what the row has: an empty cell never blanks a stored value.
  const patch: Record<string, unknown> = {};
  for (const key of ['name', 'type', 'industry', 'industryNote', 'source', 'size', 'status', 'tags', 'requirement', 'valueTier', 'riskLevel',
    'firstContactAt', 'purchaseFrequency', 'avgOrderValue', 'staffCount', 'annualRevenue'] as const) {
    if (present.has(key)) patch[key] = input[key];
  }
  if ([...present].some((k) => k.startsWith('address.'))) patch.address = { ...current && { province: current.province, city: current.city, district: current.district, street: current.street }, ...input.address };
  const customKeys = [...present].filter((k) => k.startsWith('custom.')).map((k) => k.slice(7));
  if (customKeys.length) patch.custom = Object.fromEntries(customKeys.map((k) => [k, input.custom?.[k] ?? null]));
  const c = customerColumns(ctx, patch, {
    partial: true,
    current: { industry: current.industry, industry_note: current.industry_note, province: current.province, city: current.city, district: current.district, custom: readJson<Record<string, CustomValue>>(current.custom, {}) },
  });
  if (c.errors.length) return { outcome: 'failed', errors: c.errors };
  const [before] = await unmaskedCustomers(deps, actor.tenantId, [current]);
  const now = deps.clock.now().toISOString();
  const set = { ...c.set, updated_at: now } as typeof c.set;
  if (patch.name !== undefined) set.name_norm = normalizeCompanyName(input.name);
  if (c.custom !== undefined && customKeys.length) set.custom = dbJson(deps.dialect, c.custom);
  if (input.status === 'won' && present.has('status') && current.status !== 'won') set.won_at = now;
  if (!(await updateCustomer(trx, actor, id, current.version, set))) return { outcome: 'failed', errors: [{ field: 'name', rule: 'format' }] };
  if (present.has('tags') && input.tags?.length) await applyCustomerTags(trx, actor.tenantId, id, { add: input.tags }, now);
  const contacts = await contactsOf(trx, actor.tenantId, [id]);
  const ct = contactColumns(ctx, input.contact, { partial: false, prefix: 'contact.' });
  if (!contacts.some((x) => x.mobile === ct.set.mobile || x.name === input.contact.name.trim())) {
    await insertContact(trx, {
      ...(ct.set as object), id: newId(), tenant_id: actor.tenantId, customer_id: id, name: input.contact.name.trim(),
      is_primary: dbBool(deps.dialect, contacts.length === 0), custom: dbJson(deps.dialect, ct.custom ?? {}), created_at: now, updated_at: now,
    });
  }
  await refreshDerived(trx, actor.tenantId, id);
  const afterRow = (await findCustomer(trx, { ...actor, via: 'system' }, id))!;
  const [after] = await unmaskedCustomers(deps, actor.tenantId, [afterRow]);
  const changes = customerChanges(before!, after!);
  await recordAudit(deps, actor, { entity: 'customer', entityId: id, action: 'update', changes });
  if (changes.length) await appendTimeline(deps, actor, { customerId: id, type: 'updated', data: { changes, via: 'import' } });
  return { outcome: 'updated', customerId: id };
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

type ListFilters = Omit<TListCustomersQuery, 'page' | 'pageSize' | 'sort'>;

/** A list's condition tree, shortcuts and field registry: what the list, exports and counts share. */
async function customerListBase(deps: AppDeps, actor: Actor, q: ListFilters) {
  const deleted = q.deleted === 'true';
  if (deleted) assertCan(actor, 'customers', 'delete');
  let filter;
  try {
    filter = parseConditionParam(q.filter);
  } catch {
    throw AppError.invalid('filter', 'format');
  }
  // Tag tests compare ids (see hasTagIdsSql): look up the ids of the names the filter uses first.
  const tagNames = [...(filter ? leavesOf(filter) : []), ...(q.tag ? [{ field: 'tags', value: [q.tag] }] : [])]
    .filter((l) => l.field === 'tags').flatMap((l) => (Array.isArray(l.value) ? l.value : [l.value]).map(String));
  const [defs, tagIds] = await Promise.all([
    customFieldDefs(deps.db, actor.tenantId, 'customer'), tagIdsByName(deps.db, actor.tenantId, tagNames),
  ]);
  const registry = customerRegistry(deps.dialect, actor.tenantId, defs, tagIds);
  const narrow = <B extends ReturnType<typeof scopedCustomers>>(b: B): B => {
    let out = b;
    if (filter) out = out.where(compileCondition(filter, registry, deps.dialect)) as B;
    if (q.ownerId) out = out.where('customers.owner_id', '=', q.ownerId) as B;
    if (q.status) out = out.where('customers.status', '=', q.status) as B;
    if (q.tag) out = out.where(compileCondition({ field: 'tags', op: 'hasAny', value: [q.tag] }, registry, deps.dialect)) as B;
    return out;
  };
  return { narrow, registry, deleted };
}

async function poolOrScope(deps: AppDeps, actor: Actor, q: ListFilters, deleted: boolean) {
  if (!q.poolId) return scopedCustomers(deps.db, actor, { deleted });
  const access = await poolAccess(deps, actor, q.poolId);
  if (!access?.member) throw new AppError('NOT_FOUND');
  return poolCustomers(deps.db, actor, q.poolId) as ReturnType<typeof scopedCustomers>;
}

/**
 * The customers a list shows (same condition tree, keyword, shortcuts, data scope and pool rules) for an export:
 * the count, and keyset pages in id order (creation order) after `afterId`, so a million rows stream in constant
 * memory. Sensitive fields are masked or logged as an export. Built for batches of thousands: the default pool
 * is read once, tags and primary contacts come with the batch (`customerBatchAfter`; tag names and their order
 * as `presentCustomers` shows them), and what `need` leaves out is not read at all.
 */
export async function exportableCustomers(deps: AppDeps, actor: Actor, q: ListFilters) {
  assertCan(actor, 'customers', 'export');
  const { narrow, deleted } = await customerListBase(deps, actor, q);
  let base = narrow(await poolOrScope(deps, actor, q, deleted));
  if (q.q) base = base.where(keywordCondition(deps.dialect, actor.tenantId, searchPattern(q.q)));
  const defs = await customFieldDefs(deps.db, actor.tenantId, 'customer');
  let pool: Awaited<ReturnType<typeof defaultPool>> | undefined;
  // Tag id → name and its place in the database's name order; read again when a batch has a tag it does not know.
  let tagsById = new Map<string, { name: string; rank: number }>();
  const tagNamesOf = async (batch: ExportCustomerRow[]) => {
    if (batch.some((b) => b.tagIds.some((id) => !tagsById.has(id)))) {
      tagsById = new Map((await tenantTagsByName(deps.db, actor.tenantId)).map((t, rank) => [t.id, { name: t.name, rank }]));
    }
    return batch.map(({ tagIds }) => {
      if (tagIds.length === 0) return [];
      const tags = tagIds.flatMap((id) => tagsById.get(id) ?? []);
      return tags.length > 1 ? tags.sort((a, b) => a.rank - b.rank).map((t) => t.name) : tags.map((t) => t.name);
    });
  };
  return {
    customFields: defs.filter((d) => d.active),
    count: async () => Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    page: async (afterId: string | null, limit: number, need: ExportNeeds = { tags: true, primaryContact: true }): Promise<TCustomer[]> => {
      const batch = await customerBatchAfter(deps.dialect, base, afterId, limit, need);
      if (batch.length === 0) return [];
      pool ??= await defaultPool(deps, actor.tenantId);
      const tags = await tagNamesOf(batch);
      const now = deps.clock.now();
      const rules = pool.rules;
      const dtos = batch.map(({ row, contact }, i) => toCustomer(row, { tags: tags[i]!, primaryContact: contact, poolDaysLeft: poolDaysLeftOf(rules, row, now) }));
      const flat = await revealOrMask(deps, actor, 'customer', dtos.map(flattenSensitive), CUSTOMER_SENSITIVE, 'export');
      // The DTOs are this batch's own: set the shown values in place (unflattenSensitive copies each row twice).
      dtos.forEach((d, i) => {
        const f = flat[i]!;
        d.address.street = f.street;
        if (d.primaryContact) {
          d.primaryContact.mobile = f.primaryMobile;
          d.primaryContact.email = f.primaryEmail;
        }
      });
      return dtos;
    },
  };
}

/**
 * A page of the customers the actor may see, filtered by a condition tree (any field, custom fields, tag
 * combinations), a keyword (Chinese substring, pinyin, initials, number, mobile or its last four, email) and
 * shortcuts (owner, status, tag), sorted and paginated on the server.
 */
export async function listCustomers(deps: AppDeps, actor: Actor, q: TListCustomersQuery): Promise<TCappedPage<TCustomer>> {
  assertCan(actor, 'customers', 'view');
  const { narrow, registry, deleted } = await customerListBase(deps, actor, q);
  let base = narrow(await poolOrScope(deps, actor, q, deleted));
  let countBase = base;
  if (q.q) {
    const pattern = searchPattern(q.q);
    base = base.where(keywordCondition(deps.dialect, actor.tenantId, pattern));
    countBase = base;
    if (!q.poolId && !deleted) {
      const plan = await keywordPlan(deps.db, deps.dialect, pattern);
      const fromMatches = plan.page === 'matches' || plan.count === 'matches' ? narrow(keywordScopedCustomers(deps.db, deps.dialect, actor, pattern)) : base;
      if (plan.page === 'matches') base = fromMatches;
      if (plan.count === 'matches') countBase = fromMatches;
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
export const LIST_COUNT_PAGES_AHEAD = COUNT_PAGES_AHEAD;

/** The list's total, counted up to a cap (lib/pagination cappedCount; docs/performance.md). */
function countUpTo(deps: AppDeps, base: ReturnType<typeof scopedCustomers>, q: TListCustomersQuery, pageRows: number) {
  return cappedCount(deps.db, base, q, pageRows);
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
    current: {
      industry: row.industry, industry_note: row.industry_note, province: row.province, city: row.city, district: row.district, street: row.street,
      custom: readJson<Record<string, CustomValue>>(row.custom, {}) },
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

/**
 * The customer an imported contact or follow-up row names, among those the actor reaches: by number (exact), else by
 * name compared as 查重 compares names (width, spaces, brackets, company forms, region prefixes). A rule detail when
 * none or several match.
 */
export async function resolveImportCustomer(deps: AppDeps, actor: Actor, ref: { number?: string; name?: string }): Promise<{ id: string } | RuleDetail> {
  const number = ref.number?.trim().toUpperCase();
  const name = ref.name?.trim();
  if (!number && !name) return { field: 'customerName', rule: 'customer_ref' };
  const q = scopedCustomers(deps.db, actor).select('customers.id').limit(2);
  const hits = number
    ? await q.where('customers.number', '=', number).execute()
    : await q.where('customers.name_norm', '=', normalizeCompanyName(name!)).execute();
  const field = number ? 'customerNumber' : 'customerName';
  const value = (number ?? name)!.slice(0, 60);
  if (hits.length === 0) return { field, rule: 'customer_unknown', params: { value } };
  if (hits.length > 1) return { field, rule: 'customer_ambiguous', params: { value } };
  return { id: hits[0]!.id };
}

/** A contact's fields checked as the contact form checks them, without throwing (imports report them per row). */
export function checkContactColumns(ctx: InputContext, input: Parameters<typeof contactColumns>[1], prefix = '') {
  return contactColumns(ctx, input, { partial: false, prefix });
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

/** Customers by id as the actor may see them (tenant, data scope, not deleted), in the given order; others left out. */
export async function customersByIds(deps: AppDeps, actor: Actor, ids: string[]): Promise<TCustomer[]> {
  assertCan(actor, 'customers', 'view');
  if (ids.length === 0) return [];
  const rows = await selectCustomerColumns(scopedCustomers(deps.db, actor).where('customers.id', 'in', ids)).execute();
  const dtos = await presentCustomers(deps, actor, rows);
  const byId = new Map(dtos.map((d) => [d.id, d]));
  return ids.map((id) => byId.get(id)).filter((d): d is TCustomer => !!d);
}

/** A page of the actor's customers whose completeness is below `below`, least complete first (index on completeness). */
export async function lowCompletenessCustomers(deps: AppDeps, actor: Actor, below: number, q: { page: number; pageSize: number }): Promise<TCappedPage<TCustomer>> {
  assertCan(actor, 'customers', 'view');
  const base = scopedCustomers(deps.db, actor).where('customers.completeness', '<', below);
  const rows = await selectCustomerColumns(base).orderBy('customers.completeness').orderBy('customers.id').limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = await countUpTo(deps, base, { ...q } as TListCustomersQuery, rows.length);
  return cappedPageOf(await presentCustomers(deps, actor, rows), count, q);
}
