import {
  ZCreateInteractionRequest, type TCreateInteractionRequest, type TInteraction, type TListInteractionsQuery, type TUpdateInteractionRequest,
} from '@guanxi/common/interactions';
import type { TPage } from '@guanxi/common/pagination';
import { issuesToDetails } from '@guanxi/common/validation';
import type { Updateable } from 'kysely';
import type { InteractionsTable } from '../../db/activities-tables';
import { readTimestamp } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { diffRecords, recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { pageOf } from '../../lib/pagination';
import { appendTimeline } from '../../lib/timeline';
import { checkCustomerAndContact } from '../tasks/tasks.service';
import { findInteraction, listInteractions, updateInteraction, type InteractionRow } from './interactions.repository';

/** Interactions use the `followups` permission module: they are the same kind of work (docs/decisions/016). */
const MODULE = 'followups';
const iso = (v: string) => new Date(v).toISOString();

function toInteraction(r: InteractionRow): TInteraction {
  return {
    id: r.id, customerId: r.customer_id, customerName: r.customer_name, contactId: r.contact_id, contactName: r.contact_name ?? null,
    kind: r.kind as TInteraction['kind'], direction: r.direction as TInteraction['direction'], occurredAt: readTimestamp(r.occurred_at),
    userId: r.user_id, userName: r.user_name ?? null, subject: r.subject, content: r.content, durationSeconds: r.duration_seconds,
    problemType: r.problem_type, result: r.result, version: r.version, createdAt: readTimestamp(r.created_at), updatedAt: readTimestamp(r.updated_at),
  };
}
const auditView = (i: TInteraction) => {
  const { customerName: _c, contactName: _n, userName: _u, ...rest } = i;
  return rest as Record<string, unknown>;
};
const summary = (i: TInteraction) => ({
  kind: i.kind, direction: i.direction, subject: i.subject, durationSeconds: i.durationSeconds, result: i.result, content: i.content?.slice(0, 200) ?? null,
});

export async function getInteraction(deps: AppDeps, actor: Actor, id: string): Promise<TInteraction> {
  assertCan(actor, MODULE, 'view');
  const row = await findInteraction(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toInteraction(row);
}

export async function listVisibleInteractions(deps: AppDeps, actor: Actor, q: TListInteractionsQuery): Promise<TPage<TInteraction>> {
  assertCan(actor, MODULE, 'view');
  const { items, total } = await listInteractions(deps.db, actor, q);
  return pageOf(items.map(toInteraction), total, q);
}

export async function createInteraction(deps: AppDeps, actor: Actor, input: TCreateInteractionRequest): Promise<TInteraction> {
  assertCan(actor, MODULE, 'create');
  await checkCustomerAndContact(deps, actor, input.customerId, input.contactId);
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const d = { ...deps, db: trx };
    await trx.insertInto('interactions').values({
      id, tenant_id: actor.tenantId, customer_id: input.customerId, contact_id: input.contactId ?? null, kind: input.kind, direction: input.direction ?? null,
      occurred_at: iso(input.occurredAt), user_id: actor.userId, subject: input.subject || null, content: input.content || null,
      duration_seconds: input.durationSeconds ?? null, problem_type: input.problemType || null, result: input.result || null, created_at: now, updated_at: now,
    }).execute();
    const row = toInteraction((await findInteraction(trx, { ...actor, via: 'system' }, id))!);
    await appendTimeline(d, actor, { customerId: input.customerId, type: 'interaction_logged', refType: 'interaction', refId: id, at: row.occurredAt, data: summary(row) });
    await recordAudit(d, actor, { entity: 'interaction', entityId: id, action: 'create', after: auditView(row) });
  });
  return getInteraction(deps, actor, id);
}

export async function editInteraction(deps: AppDeps, actor: Actor, id: string, input: TUpdateInteractionRequest): Promise<TInteraction> {
  assertCan(actor, MODULE, 'edit');
  const row = await findInteraction(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const before = toInteraction(row);
  const { version: _v, ...patch } = input;
  // The merged record must still meet the per-kind rules (a call keeps its duration, an email its subject).
  const merged = ZCreateInteractionRequest.safeParse({ ...before, ...patch, contactId: patch.contactId === undefined ? before.contactId : patch.contactId });
  if (!merged.success) throw new AppError('VALIDATION_FAILED', issuesToDetails(merged.error.issues, patch, actor.locale));
  if (input.contactId) await checkCustomerAndContact(deps, actor, row.customer_id, input.contactId);
  const set: Updateable<InteractionsTable> = { updated_at: deps.clock.now().toISOString() };
  if (input.contactId !== undefined) set.contact_id = input.contactId;
  if (input.direction !== undefined) set.direction = input.direction;
  if (input.occurredAt !== undefined) set.occurred_at = iso(input.occurredAt);
  if (input.subject !== undefined) set.subject = input.subject || null;
  if (input.content !== undefined) set.content = input.content || null;
  if (input.durationSeconds !== undefined) set.duration_seconds = input.durationSeconds;
  if (input.problemType !== undefined) set.problem_type = input.problemType || null;
  if (input.result !== undefined) set.result = input.result || null;
  await deps.db.transaction().execute(async (trx) => {
    const d = { ...deps, db: trx };
    if (!(await updateInteraction(trx, actor.tenantId, id, input.version, set))) throw new AppError('VERSION_CONFLICT');
    const after = toInteraction((await findInteraction(trx, { ...actor, via: 'system' }, id))!);
    const changes = diffRecords(auditView(before), auditView(after));
    await recordAudit(d, actor, { entity: 'interaction', entityId: id, action: 'update', changes });
    if (changes.length) {
      await appendTimeline(d, actor, { customerId: row.customer_id, type: 'interaction_updated', refType: 'interaction', refId: id, data: { ...summary(after), fields: changes.map((c) => c.field) } });
    }
  });
  return getInteraction(deps, actor, id);
}

export async function removeInteraction(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  assertCan(actor, MODULE, 'delete');
  const row = await findInteraction(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  const before = toInteraction(row);
  await deps.db.transaction().execute(async (trx) => {
    const d = { ...deps, db: trx };
    await trx.deleteFrom('interactions').where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    await appendTimeline(d, actor, { customerId: row.customer_id, type: 'interaction_deleted', refType: 'interaction', refId: id, data: summary(before) });
    await recordAudit(d, actor, { entity: 'interaction', entityId: id, action: 'delete', before: auditView(before), after: null });
  });
}
