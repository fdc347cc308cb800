import type { TContact, TCreateContactRequest, TListContactsQuery, TUpdateContactRequest } from '@guanxi/common/contacts';
import type { CustomValue } from '@guanxi/common/fields';
import type { TPage } from '@guanxi/common/pagination';
import { normalizeMobile } from '@guanxi/common/phone';
import { dbBool, dbJson, readBool, readJson, readTimestamp } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { diffRecords, recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { revealOrMask, type SensitiveFields } from '../../lib/masking';
import { pageOf } from '../../lib/pagination';
import { appendTimeline } from '../../lib/timeline';
import { contactInput, customerInScope, refreshCustomerDerived } from '../customers/customers.service';
import { deleteContact, exportContactRows, findContact, listContacts, otherContactId, setPrimary, updateContact, type ContactRow } from './contacts.repository';

export const CONTACT_SENSITIVE: SensitiveFields = { mobile: 'mobile', email: 'email', landline: 'mobile' };

function toContact(r: ContactRow): TContact {
  return {
    id: r.id, customerId: r.customer_id, customerName: r.customer_name, name: r.name, title: r.title, mobile: r.mobile,
    landline: r.landline, email: r.email, role: r.role, preferredChannel: r.preferred_channel, notes: r.notes,
    isPrimary: readBool(r.is_primary), birthday: r.birthday, custom: readJson<Record<string, unknown>>(r.custom, {}),
    version: r.version, createdAt: readTimestamp(r.created_at), updatedAt: readTimestamp(r.updated_at),
  };
}

async function present(deps: AppDeps, actor: Actor, rows: ContactRow[], action: 'view' | 'export' = 'view') {
  return revealOrMask(deps, actor, 'contact', rows.map(toContact), CONTACT_SENSITIVE, action);
}

/** The contacts a list shows, for an export: count and keyset pages (id order), masked or logged as an export. */
export function exportableContacts(deps: AppDeps, actor: Actor, q: { q?: string; customerId?: string }) {
  assertCan(actor, 'contacts', 'export');
  const rows = exportContactRows(deps.db, deps.dialect, actor, q);
  return {
    count: rows.count,
    page: async (afterId: string | null, limit: number) => present(deps, actor, await rows.page(afterId, limit), 'export'),
  };
}

/** Contacts of customers the actor may see; `mobile` looks a number up however it is written (incoming calls). */
export async function listVisibleContacts(deps: AppDeps, actor: Actor, q: TListContactsQuery): Promise<TPage<TContact>> {
  assertCan(actor, 'contacts', 'view');
  const mobileDigits = q.mobile !== undefined ? normalizeMobile(q.mobile) : undefined;
  const { items, total } = await listContacts(deps.db, deps.dialect, actor, { ...q, mobileDigits });
  return pageOf(await present(deps, actor, items), total, q);
}

/**
 * The customer a contact belongs to, when the actor reaches the contact (its customer in their data scope); null
 * otherwise. Nothing is shown, so nothing goes to the sensitive-access log (a follow-up naming a contact is not a
 * view of the contact's mobile).
 */
export async function customerOfContact(deps: AppDeps, actor: Actor, contactId: string): Promise<string | null> {
  return (await findContact(deps.db, actor, contactId))?.customer_id ?? null;
}

export async function getContact(deps: AppDeps, actor: Actor, id: string): Promise<TContact> {
  assertCan(actor, 'contacts', 'view');
  const row = await findContact(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  return (await present(deps, actor, [row]))[0]!;
}

export async function createContact(deps: AppDeps, actor: Actor, input: TCreateContactRequest): Promise<TContact> {
  assertCan(actor, 'contacts', 'create');
  if (!(await customerInScope(deps, actor, input.customerId))) throw AppError.invalid('customerId', 'not_found');
  const c = await contactInput(deps, actor, input, { partial: false });
  const id = await deps.db.transaction().execute((trx) => insertContactRecord({ ...deps, db: trx }, actor, input, c));
  return getContact(deps, actor, id);
}

/**
 * Writes a checked contact in the caller's transaction: the row, primary flag, the customer's derived columns,
 * timeline and audit. Used by createContact and by imports (one transaction per batch).
 */
export async function insertContactRecord(
  deps: AppDeps, actor: Actor, input: TCreateContactRequest, c: { set: object; custom?: Record<string, CustomValue> },
): Promise<string> {
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db.insertInto('contacts').values({
    ...(c.set as object), id, tenant_id: actor.tenantId, customer_id: input.customerId, name: input.name.trim(),
    is_primary: dbBool(deps.dialect, false), custom: dbJson(deps.dialect, c.custom ?? {}), created_at: now, updated_at: now,
  }).execute();
  if (input.isPrimary) await setPrimary(deps.db, deps.dialect, actor.tenantId, input.customerId, id);
  await refreshCustomerDerived(deps.db, actor.tenantId, input.customerId);
  await appendTimeline(deps, actor, { customerId: input.customerId, type: 'contact_added', refType: 'contact', refId: id, data: { name: input.name } });
  await recordAudit(deps, actor, { entity: 'contact', entityId: id, action: 'create', after: { customerId: input.customerId, name: input.name, title: input.title ?? null } });
  return id;
}

/** The customer's contact this one duplicates: the same mobile, or the same e-mail (an import's duplicate check). */
export async function existingContactId(db: AppDeps['db'], tenantId: string, customerId: string, c: { mobile?: string | null; email?: string | null }): Promise<string | null> {
  if (!c.mobile && !c.email) return null;
  const row = await db.selectFrom('contacts').select('id').where('tenant_id', '=', tenantId).where('customer_id', '=', customerId)
    .where((eb) => eb.or([...(c.mobile ? [eb('mobile', '=', c.mobile)] : []), ...(c.email ? [eb('email', '=', c.email)] : [])]))
    .orderBy('created_at').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

/** The customer's contact a spreadsheet names (by name, or mobile in any notation); null when none or several. */
export async function findCustomerContactByText(db: AppDeps['db'], tenantId: string, customerId: string, text: string): Promise<string | null> {
  const t = text.trim();
  const mobile = normalizeMobile(t);
  const rows = await db.selectFrom('contacts').select('id').where('tenant_id', '=', tenantId).where('customer_id', '=', customerId)
    .where((eb) => eb.or([eb('name', '=', t), ...(mobile ? [eb('mobile', '=', mobile)] : [])])).limit(2).execute();
  return rows.length === 1 ? rows[0]!.id : null;
}

export async function editContact(deps: AppDeps, actor: Actor, id: string, input: TUpdateContactRequest): Promise<TContact> {
  assertCan(actor, 'contacts', 'edit');
  const row = await findContact(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const c = await contactInput(deps, actor, input, { partial: true, currentCustom: readJson<Record<string, CustomValue>>(row.custom, {}) });
  await deps.db.transaction().execute((trx) => applyContactChange({ ...deps, db: trx }, actor, row, input.version, c, input.isPrimary));
  return getContact(deps, actor, id);
}

/** Writes a checked change of a contact in the caller's transaction: the row, primary flag, derived columns, audit, timeline. */
async function applyContactChange(
  deps: AppDeps, actor: Actor, row: ContactRow, version: number, c: { set: object; custom?: Record<string, CustomValue> }, isPrimary?: boolean,
) {
  const set = { ...c.set, updated_at: deps.clock.now().toISOString() } as Parameters<typeof updateContact>[4];
  if (c.custom !== undefined) set.custom = dbJson(deps.dialect, c.custom);
  if (!(await updateContact(deps.db, actor.tenantId, row.id, version, set))) throw new AppError('VERSION_CONFLICT');
  if (isPrimary) await setPrimary(deps.db, deps.dialect, actor.tenantId, row.customer_id, row.id);
  await refreshCustomerDerived(deps.db, actor.tenantId, row.customer_id);
  const after = (await findContact(deps.db, { ...actor, via: 'system' }, row.id))!;
  const changes = diffRecords(toContact(row) as unknown as Record<string, unknown>, toContact(after) as unknown as Record<string, unknown>);
  await recordAudit(deps, actor, { entity: 'contact', entityId: row.id, action: 'update', changes });
  if (changes.length) {
    await appendTimeline(deps, actor, { customerId: row.customer_id, type: 'contact_updated', refType: 'contact', refId: row.id, data: { name: after.name, fields: changes.map((ch) => ch.field) } });
  }
}

/**
 * An imported row's cells written onto the contact it duplicates (the "update" policy), in the batch's transaction:
 * only the fields the row fills change, checked as the contact form checks them.
 */
export async function updateImportedContact(deps: AppDeps, actor: Actor, id: string, input: Partial<TCreateContactRequest>): Promise<void> {
  const row = await findContact(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  const { isPrimary, customerId: _c, ...fields } = input;
  const c = await contactInput(deps, actor, fields, { partial: true, currentCustom: readJson<Record<string, CustomValue>>(row.custom, {}) });
  await applyContactChange(deps, actor, row, row.version, c, isPrimary);
}

/** Removes a contact; the primary one can go only when another takes its place (it becomes primary). */
export async function removeContact(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'contacts', 'delete');
  const row = await findContact(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  const next = await otherContactId(deps.db, actor.tenantId, row.customer_id, id);
  if (!next) throw AppError.unprocessable('isPrimary', 'primary_contact');
  await deps.db.transaction().execute(async (trx) => {
    await deleteContact(trx, actor.tenantId, id);
    if (readBool(row.is_primary)) await setPrimary(trx, deps.dialect, actor.tenantId, row.customer_id, next.id);
    await refreshCustomerDerived(trx, actor.tenantId, row.customer_id);
    await appendTimeline({ ...deps, db: trx }, actor, { customerId: row.customer_id, type: 'contact_removed', refType: 'contact', refId: id, data: { name: row.name } });
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'contact', entityId: id, action: 'delete', before: toContact(row) as unknown as Record<string, unknown>, after: null });
  });
}
