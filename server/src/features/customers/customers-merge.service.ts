import type { TMergeCustomersRequest, TMergeCustomersResult } from '@guanxi/common/customer-merge';
import type { TCustomer } from '@guanxi/common/customers';
import type { Updateable } from 'kysely';
import type { CustomersTable } from '../../db/database';
import { dbJson, readJson, readTimestamp } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { diffRecords, recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { appendTimeline, moveTimeline } from '../../lib/timeline';
import { moveAttachments } from '../attachments/attachments.service';
import { applyCustomerTags } from '../tags/tags.service';
import { refreshDerived } from './customer-derived';
import { contactsToMove, countTimeline, ensurePrimaryContact, moveContacts } from './customers-merge.repository';
import { toCustomer } from './customers.mapper';
import { findCustomer, tagsOf, updateCustomer, type CustomerRow } from './customers.repository';
import { getCustomer } from './customers.service';

/** Plain columns a merge copies from the source when the target's is empty, with their DTO names. */
const FILLABLE = [
  ['size', 'size'], ['requirement', 'requirement'], ['product_preference', 'preferences.product'],
  ['communication_preference', 'preferences.communication'], ['value_tier', 'valueTier'], ['risk_level', 'riskLevel'],
  ['won_at', 'wonAt'], ['purchase_frequency', 'purchaseFrequency'], ['avg_order_value', 'avgOrderValue'], ['gender', 'gender'],
  ['birthday', 'birthday'], ['staff_count', 'staffCount'], ['annual_revenue', 'annualRevenue'],
] as const satisfies ReadonlyArray<readonly [keyof CustomerRow & keyof CustomersTable, string]>;

const ADDRESS = ['province', 'city', 'district', 'street'] as const;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const iso = (v: unknown) => readTimestamp(v, true);

/**
 * What the target takes from the source: every empty field gets the source's value (the address as a whole, custom
 * fields key by key, the industry note only for the same industry). Two facts combine instead: the first contact is
 * the earlier and the last follow-up the later of the two, because both histories now belong to the target.
 */
function fillFromSource(target: CustomerRow, source: CustomerRow) {
  const set: Updateable<CustomersTable> = {};
  const filled: string[] = [];
  for (const [column, field] of FILLABLE) {
    if (isEmpty(target[column]) && !isEmpty(source[column])) {
      (set as Record<string, unknown>)[column] = column === 'won_at' ? iso(source[column]) : source[column];
      filled.push(field);
    }
  }
  if (target.industry === source.industry && isEmpty(target.industry_note) && !isEmpty(source.industry_note)) {
    set.industry_note = source.industry_note;
    filled.push('industryNote');
  }
  if (ADDRESS.every((c) => isEmpty(target[c])) && ADDRESS.some((c) => !isEmpty(source[c]))) {
    for (const c of ADDRESS) set[c] = source[c];
    filled.push('address');
  }
  const [tFirst, sFirst] = [iso(target.first_contact_at), iso(source.first_contact_at)];
  if (sFirst && (!tFirst || sFirst < tFirst)) {
    set.first_contact_at = sFirst;
    filled.push('firstContactAt');
  }
  const [tLast, sLast] = [iso(target.last_follow_up_at), iso(source.last_follow_up_at)];
  if (sLast && (!tLast || sLast > tLast)) {
    set.last_follow_up_at = sLast;
    filled.push('lastFollowUpAt');
  }
  const custom = readJson<Record<string, unknown>>(target.custom, {});
  const customFilled = Object.entries(readJson<Record<string, unknown>>(source.custom, {})).filter(([k, v]) => isEmpty(custom[k]) && !isEmpty(v));
  if (customFilled.length) {
    set.custom = { ...custom, ...Object.fromEntries(customFilled) };
    filled.push(...customFilled.map(([k]) => `custom.${k}`));
  }
  return { set, filled };
}

/** The target's field changes for the audit trail, in the same shape as an edit's. */
function fieldChanges(before: CustomerRow, after: CustomerRow) {
  const dto = (r: CustomerRow): Record<string, unknown> => {
    const { completeness: _c, primaryContact: _p, ownerName: _o, updatedAt: _u, version: _v, tags: _t, poolDaysLeft: _d, ...rest } =
      toCustomer(r, { tags: [], primaryContact: null, poolDaysLeft: null }) as TCustomer;
    return rest;
  };
  return diffRecords(dto(before), dto(after));
}

const ref = (r: CustomerRow) => ({ id: r.id, number: r.number, name: r.name });

/**
 * Merges customer `sourceId` INTO `targetId` (查重 → 合并) in ONE transaction — all of it lands or none of it:
 * the source's contacts (the target's primary contact stays the only primary), tags (union), attachments and
 * timeline move to the target; the target's empty fields are filled from the source; the source goes to the
 * recycle bin marked by a `merged_into` timeline event; both records get an audit entry; the target's derived
 * columns (keyword text, completeness) are recomputed. Needs customers: edit and delete, and both customers
 * within the actor's reach (404 otherwise); a stale target `version` answers 409.
 */
export async function mergeCustomers(deps: AppDeps, actor: Actor, targetId: string, input: TMergeCustomersRequest): Promise<TMergeCustomersResult> {
  assertCan(actor, 'customers', 'edit');
  assertCan(actor, 'customers', 'delete');
  if (input.sourceId === targetId) throw AppError.invalid('sourceId', 'same_record');
  const [target, source] = await Promise.all([findCustomer(deps.db, actor, targetId), findCustomer(deps.db, actor, input.sourceId)]);
  if (!target) throw new AppError('NOT_FOUND');
  if (!source) throw new AppError('NOT_FOUND');
  if (target.version !== input.version) throw new AppError('VERSION_CONFLICT');

  const { set, filled } = fillFromSource(target, source);
  const now = deps.clock.now().toISOString();
  const result = await deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx };
    // Both rows first, each with its version: concurrent merges of either customer wait here, then one fails.
    if (!(await updateCustomer(trx, actor, source.id, source.version, { deleted_at: now, deleted_by: actor.userId, updated_at: now }))) {
      throw new AppError('VERSION_CONFLICT');
    }
    const targetSet = { ...set, updated_at: now } as Updateable<CustomersTable>;
    if (set.custom) targetSet.custom = dbJson(deps.dialect, set.custom);
    if (!(await updateCustomer(trx, actor, target.id, input.version, targetSet))) throw new AppError('VERSION_CONFLICT');

    const contacts = await contactsToMove(trx, actor.tenantId, source.id);
    await moveContacts(trx, deps.dialect, actor.tenantId, source.id, target.id, now);
    await ensurePrimaryContact(trx, deps.dialect, actor.tenantId, target.id);

    const tags = await tagsOf(trx, actor.tenantId, [target.id, source.id]);
    const [targetTags, sourceTags] = [tags.get(target.id) ?? [], tags.get(source.id) ?? []];
    const addedTags = sourceTags.filter((t) => !targetTags.includes(t));
    await applyCustomerTags(trx, actor.tenantId, target.id, { add: addedTags }, now);
    await applyCustomerTags(trx, actor.tenantId, source.id, { set: [] }, now);

    const movedAttachments = await moveAttachments(trx, actor.tenantId, 'customer', source.id, target.id);
    const movedTimelineEvents = await countTimeline(trx, actor.tenantId, source.id);
    await moveTimeline(trx, actor.tenantId, source.id, target.id);
    await refreshDerived(trx, actor.tenantId, target.id);
    await refreshDerived(trx, actor.tenantId, source.id);

    const summary = { filledFields: filled, movedContacts: contacts, addedTags, movedAttachments, movedTimelineEvents };
    await appendTimeline(tx, actor, { customerId: target.id, type: 'merged', refType: 'customer', refId: source.id, data: { source: ref(source), ...summary } });
    await appendTimeline(tx, actor, { customerId: source.id, type: 'merged_into', refType: 'customer', refId: target.id, data: { target: ref(target) } });

    const after = (await findCustomer(trx, { ...actor, via: 'system' }, target.id))!;
    await recordAudit(tx, actor, {
      entity: 'customer', entityId: target.id, action: 'merge',
      changes: [
        { field: 'mergedFrom', from: null, to: ref(source) },
        ...fieldChanges(target, after),
        { field: 'contacts', from: null, to: contacts },
        { field: 'tags', from: targetTags, to: [...targetTags, ...addedTags] },
        ...(movedAttachments ? [{ field: 'attachments', from: null, to: movedAttachments }] : []),
      ],
    });
    await recordAudit(tx, actor, {
      entity: 'customer', entityId: source.id, action: 'merge',
      changes: [
        { field: 'mergedInto', from: null, to: ref(target) },
        { field: 'deletedAt', from: null, to: now },
        { field: 'contacts', from: contacts, to: null },
        { field: 'tags', from: sourceTags, to: [] },
      ],
    });
    return summary;
  });
  return { customer: await getCustomer(deps, actor, target.id), ...result };
}
