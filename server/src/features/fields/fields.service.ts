import type {
  CustomFieldEntity, CustomFieldType, TCreateCustomFieldRequest, TCustomField, TFieldOption, TUpdateCustomFieldRequest,
} from '@guanxi/common/fields';
import type { Updateable } from 'kysely';
import type { CustomFieldsTable, Db } from '../../db/database';
import { dbBool, dbJson, isUniqueViolation, readBool, readJson } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { deleteField, findField, insertField, listFields, updateField, type FieldRow } from './fields.repository';

export { validateCustomValues } from './custom-values';

function toField(r: FieldRow): TCustomField {
  return {
    id: r.id, entity: r.entity as CustomFieldEntity, key: r.key, labelZh: r.label_zh, labelEn: r.label_en,
    type: r.type as CustomFieldType, required: readBool(r.required), options: readJson<TFieldOption[]>(r.options, []),
    sort: r.sort, active: readBool(r.active), version: r.version,
  };
}

/** The tenant's custom field definitions for an entity (for validation, filters and list columns). */
export async function customFieldDefs(db: Db, tenantId: string, entity: CustomFieldEntity): Promise<TCustomField[]> {
  return (await listFields(db, tenantId, entity)).map(toField);
}

export async function listCustomFields(deps: AppDeps, actor: Actor, entity?: CustomFieldEntity): Promise<TCustomField[]> {
  return (await listFields(deps.db, actor.tenantId, entity)).map(toField);
}

function assertOptions(type: CustomFieldType, options: TFieldOption[]) {
  const isChoice = type === 'select' || type === 'multiselect';
  if (isChoice && options.length === 0) throw AppError.invalid('options', 'min_items', { min: 1 });
  if (new Set(options.map((o) => o.value)).size !== options.length) throw AppError.invalid('options', 'taken');
}

export async function createCustomField(deps: AppDeps, actor: Actor, input: TCreateCustomFieldRequest): Promise<TCustomField> {
  assertCan(actor, 'settings', 'manage');
  assertOptions(input.type, input.options);
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertField(trx, {
      id, tenant_id: actor.tenantId, entity: input.entity, key: input.key, label_zh: input.labelZh, label_en: input.labelEn,
      type: input.type, required: dbBool(deps.dialect, input.required), options: dbJson(deps.dialect, input.options),
      sort: input.sort ?? 100, active: dbBool(deps.dialect, true), created_at: now, updated_at: now,
    });
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'custom_field', entityId: id, action: 'create', after: { ...input } });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw AppError.invalid('key', 'taken');
    throw err;
  });
  return toField((await findField(deps.db, actor.tenantId, id))!);
}

/** Edits a definition. The type and key never change: stored values keep their meaning. */
export async function editCustomField(deps: AppDeps, actor: Actor, id: string, input: TUpdateCustomFieldRequest): Promise<TCustomField> {
  assertCan(actor, 'settings', 'manage');
  const row = await findField(deps.db, actor.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  const before = toField(row);
  if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
  if (input.options) assertOptions(before.type, input.options);
  const set: Updateable<CustomFieldsTable> = { updated_at: deps.clock.now().toISOString() };
  if (input.labelZh !== undefined) set.label_zh = input.labelZh;
  if (input.labelEn !== undefined) set.label_en = input.labelEn;
  if (input.required !== undefined) set.required = dbBool(deps.dialect, input.required);
  if (input.options !== undefined) set.options = dbJson(deps.dialect, input.options);
  if (input.sort !== undefined) set.sort = input.sort;
  if (input.active !== undefined) set.active = dbBool(deps.dialect, input.active);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateField(trx, actor.tenantId, id, input.version, set))) throw new AppError('VERSION_CONFLICT');
    const after = toField((await findField(trx, actor.tenantId, id))!);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'custom_field', entityId: id, action: 'update', before, after });
  });
  return toField((await findField(deps.db, actor.tenantId, id))!);
}

/** Removes a definition; stored values stay in the records' JSON but are no longer shown or validated. */
export async function removeCustomField(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'settings', 'manage');
  const row = await findField(deps.db, actor.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    await deleteField(trx, actor.tenantId, id);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'custom_field', entityId: id, action: 'delete', before: toField(row), after: null });
  });
}
