import {
  DICTIONARY_TYPES, SEED_DICTIONARIES, type DictionaryType, type TCreateDictionaryEntryRequest, type TDictionaryEntry,
  type TUpdateDictionaryEntryRequest,
} from '@guanxi/common/dictionaries';
import type { Updateable } from 'kysely';
import type { Db, DictionariesTable } from '../../db/database';
import { dbBool, isUniqueViolation, readBool, type DialectName } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { deleteEntry, findEntry, insertEntries, listEntries, updateEntry, type EntryRow } from './dictionaries.repository';

function toEntry(r: EntryRow): TDictionaryEntry {
  return {
    id: r.id, type: r.type as DictionaryType, code: r.code, labelZh: r.label_zh, labelEn: r.label_en, sort: r.sort,
    active: readBool(r.active), isSystem: readBool(r.is_system), needsNote: readBool(r.needs_note), version: r.version,
  };
}

/** Writes the default dictionaries of PRODUCT.md M1 for a new enterprise account (inside its transaction). */
export async function seedDictionaries(db: Db, dialect: DialectName, tenantId: string, now: string): Promise<void> {
  const rows = DICTIONARY_TYPES.flatMap((type) =>
    SEED_DICTIONARIES[type].map((e, i) => ({
      id: newId(), tenant_id: tenantId, type, code: e.code, label_zh: e.zh, label_en: e.en, sort: (i + 1) * 10,
      active: dbBool(dialect, true), is_system: dbBool(dialect, e.system ?? false), needs_note: dbBool(dialect, e.needsNote ?? false),
      created_at: now, updated_at: now,
    })),
  );
  await insertEntries(db, rows);
}

/** Every dictionary entry of the tenant; every signed-in user may read them (forms and lists need the labels). */
export async function listDictionary(deps: AppDeps, actor: Actor, type?: DictionaryType): Promise<TDictionaryEntry[]> {
  return (await listEntries(deps.db, actor.tenantId, type)).map(toEntry);
}

export type DictionaryLookup = {
  /** The entry for a code or a label (zh or en, case-insensitive), active or not. */
  find(type: DictionaryType, codeOrLabel: string): TDictionaryEntry | undefined;
  isActiveCode(type: DictionaryType, code: string): boolean;
  codes(type: DictionaryType): string[];
};

/** Loads the tenant's dictionaries once for validating a request or an import. */
export async function dictionaryLookup(db: Db, tenantId: string): Promise<DictionaryLookup> {
  const entries = (await listEntries(db, tenantId)).map(toEntry);
  const find = (type: DictionaryType, v: string) => {
    const t = v.trim().toLowerCase();
    return entries.find((e) => e.type === type && (e.code.toLowerCase() === t || e.labelZh === v.trim() || e.labelEn.toLowerCase() === t));
  };
  return {
    find,
    isActiveCode: (type, code) => entries.some((e) => e.type === type && e.code === code && e.active),
    codes: (type) => entries.filter((e) => e.type === type && e.active).map((e) => e.code),
  };
}

export async function createEntry(deps: AppDeps, actor: Actor, input: TCreateDictionaryEntryRequest): Promise<TDictionaryEntry> {
  assertCan(actor, 'settings', 'manage');
  if (input.type === 'status') throw AppError.unprocessable('type', 'system_entry');
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertEntries(trx, [{
      id, tenant_id: actor.tenantId, type: input.type, code: input.code, label_zh: input.labelZh, label_en: input.labelEn,
      sort: input.sort ?? 500, active: dbBool(deps.dialect, true), is_system: dbBool(deps.dialect, false),
      needs_note: dbBool(deps.dialect, input.needsNote ?? false), created_at: now, updated_at: now,
    }]);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'dictionary', entityId: id, action: 'create', after: { ...input } });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw AppError.invalid('code', 'taken');
    throw err;
  });
  return toEntry((await findEntry(deps.db, actor.tenantId, id))!);
}

export async function editEntry(deps: AppDeps, actor: Actor, id: string, input: TUpdateDictionaryEntryRequest): Promise<TDictionaryEntry> {
  assertCan(actor, 'settings', 'manage');
  const row = await findEntry(deps.db, actor.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  const before = toEntry(row);
  if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
  if (before.isSystem && input.active === false) throw AppError.unprocessable('active', 'system_entry');
  const set: Updateable<DictionariesTable> = { updated_at: deps.clock.now().toISOString() };
  if (input.labelZh !== undefined) set.label_zh = input.labelZh;
  if (input.labelEn !== undefined) set.label_en = input.labelEn;
  if (input.sort !== undefined) set.sort = input.sort;
  if (input.active !== undefined) set.active = dbBool(deps.dialect, input.active);
  if (input.needsNote !== undefined) set.needs_note = dbBool(deps.dialect, input.needsNote);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateEntry(trx, actor.tenantId, id, input.version, set))) throw new AppError('VERSION_CONFLICT');
    const after = toEntry((await findEntry(trx, actor.tenantId, id))!);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'dictionary', entityId: id, action: 'update', before, after });
  });
  return toEntry((await findEntry(deps.db, actor.tenantId, id))!);
}

/** Deletes a custom entry. Records keep the code and show it until relabelled; built-in entries cannot go. */
export async function removeEntry(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'settings', 'manage');
  const row = await findEntry(deps.db, actor.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (readBool(row.is_system)) throw AppError.unprocessable('code', 'system_entry');
  await deps.db.transaction().execute(async (trx) => {
    await deleteEntry(trx, actor.tenantId, id);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'dictionary', entityId: id, action: 'delete', before: toEntry(row), after: null });
  });
}
