import type { DictionaryType } from '@guanxi/common/dictionaries';
import type { Insertable, Updateable } from 'kysely';
import type { Db, DictionariesTable } from '../../db/database';

export function listEntries(db: Db, tenantId: string, type?: DictionaryType) {
  let q = db.selectFrom('dictionaries').selectAll().where('tenant_id', '=', tenantId);
  if (type) q = q.where('type', '=', type);
  return q.orderBy('type').orderBy('sort').orderBy('code').execute();
}
export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

export function findEntry(db: Db, tenantId: string, id: string) {
  return db.selectFrom('dictionaries').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertEntries(db: Db, rows: Insertable<DictionariesTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('dictionaries').values(rows).execute();
}

export async function updateEntry(db: Db, tenantId: string, id: string, version: number, set: Updateable<DictionariesTable>) {
  const r = await db.updateTable('dictionaries').set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteEntry(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('dictionaries').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
