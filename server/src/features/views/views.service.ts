import type { Module } from '@guanxi/common/permissions';
import type { TCreateViewRequest, TSavedView, TUpdateViewRequest, TViewConfig, ViewEntity } from '@guanxi/common/views';
import { dbBool, dbJson, isUniqueViolation, readBool, readJson, readTimestamp } from '../../db/dialect';
import { assertCan, can } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { diffRecords, recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { assertCustomerViewConfig } from '../customers/customers-views.service';
import { deleteView, findView, insertView, listViews, updateView, type ViewRow } from './views.repository';

/** Per list: the module whose `view` right the list needs, and the check of a view's filter, sort and columns. */
const LISTS: Record<ViewEntity, { module: Module; check(deps: AppDeps, actor: Actor, config: TViewConfig): Promise<void> }> = {
  customers: { module: 'customers', check: assertCustomerViewConfig },
};

function canEdit(actor: Actor, row: Pick<ViewRow, 'owner_id' | 'shared'>): boolean {
  return row.owner_id === actor.userId || (readBool(row.shared) && can(actor, 'settings', 'manage'));
}

function toView(actor: Actor, r: ViewRow): TSavedView {
  return {
    id: r.id, entity: r.entity as ViewEntity, name: r.name, shared: readBool(r.shared), ownerId: r.owner_id, ownerName: r.owner_name ?? null,
    config: readJson<TViewConfig>(r.config, { columns: [] }), canEdit: canEdit(actor, r), version: r.version,
    createdAt: readTimestamp(r.created_at), updatedAt: readTimestamp(r.updated_at),
  };
}

const auditOf = (v: { name: string; shared: boolean; config: TViewConfig }) => ({ name: v.name, shared: v.shared, config: v.config });

async function nameFree<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', [{ field: 'name', rule: 'taken' }]);
    throw err;
  }
}

/** The actor's own views of a list and those shared in the tenant, own first. */
export async function listSavedViews(deps: AppDeps, actor: Actor, entity: ViewEntity): Promise<TSavedView[]> {
  assertCan(actor, LISTS[entity].module, 'view');
  const rows = await listViews(deps.db, deps.dialect, actor.tenantId, actor.userId, entity);
  return rows.map((r) => toView(actor, r));
}

/** A view the actor may see: their own or a shared one; another user's personal view does not exist for them. */
export async function getSavedView(deps: AppDeps, actor: Actor, id: string): Promise<TSavedView> {
  const row = await findView(deps.db, deps.dialect, actor.tenantId, actor.userId, id);
  if (!row) throw new AppError('NOT_FOUND');
  assertCan(actor, LISTS[row.entity as ViewEntity].module, 'view');
  return toView(actor, row);
}

export async function createSavedView(deps: AppDeps, actor: Actor, input: TCreateViewRequest): Promise<TSavedView> {
  const list = LISTS[input.entity];
  assertCan(actor, list.module, 'view');
  await list.check(deps, actor, input.config);
  const id = newId();
  const now = deps.clock.now().toISOString();
  await nameFree(() =>
    deps.db.transaction().execute(async (trx) => {
      await insertView(trx, {
        id, tenant_id: actor.tenantId, owner_id: actor.userId, entity: input.entity, name: input.name, shared: dbBool(deps.dialect, input.shared),
        config: dbJson(deps.dialect, input.config), created_at: now, updated_at: now,
      });
      await recordAudit({ ...deps, db: trx }, actor, { entity: 'saved_view', entityId: id, action: 'create', after: { entity: input.entity, ...auditOf(input) } });
    }),
  );
  return getSavedView(deps, actor, id);
}

/** Loads a view for a change: 404 when invisible, 403 when visible but not the actor's to change. */
async function editable(deps: AppDeps, actor: Actor, id: string): Promise<ViewRow> {
  const row = await findView(deps.db, deps.dialect, actor.tenantId, actor.userId, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!canEdit(actor, row)) throw new AppError('FORBIDDEN');
  return row;
}

/** Renames, re-shares or reconfigures a view (send its `version`; 409 when stale). */
export async function editSavedView(deps: AppDeps, actor: Actor, id: string, input: TUpdateViewRequest): Promise<TSavedView> {
  const row = await editable(deps, actor, id);
  if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
  if (input.config) await LISTS[row.entity as ViewEntity].check(deps, actor, input.config);
  const before = toView(actor, row);
  const after = { name: input.name ?? before.name, shared: input.shared ?? before.shared, config: input.config ?? before.config };
  await nameFree(() =>
    deps.db.transaction().execute(async (trx) => {
      const ok = await updateView(trx, actor.tenantId, id, input.version, {
        name: after.name, shared: dbBool(deps.dialect, after.shared), config: dbJson(deps.dialect, after.config), updated_at: deps.clock.now().toISOString(),
      });
      if (!ok) throw new AppError('VERSION_CONFLICT');
      await recordAudit({ ...deps, db: trx }, actor, { entity: 'saved_view', entityId: id, action: 'update', changes: diffRecords(auditOf(before), after) });
    }),
  );
  return getSavedView(deps, actor, id);
}

export async function removeSavedView(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const row = await editable(deps, actor, id);
  await deps.db.transaction().execute(async (trx) => {
    await deleteView(trx, actor.tenantId, id);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'saved_view', entityId: id, action: 'delete', before: auditOf(toView(actor, row)), after: null });
  });
}
