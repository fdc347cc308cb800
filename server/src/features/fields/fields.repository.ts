import type { CustomFieldEntity } from '@guanxi/common/fields';
import type { Insertable, Updateable } from 'kysely';
import type { CustomFieldsTable, Db } from '../../db/database';

export function listFields(db: Db, tenantId: string, entity?: CustomFieldEntity) {
  let q = db.selectFrom('custom_fields').selectAll().where('tenant_id', '=', tenantId);
  if (entity) q = q.where('entity', '=', entity);
  return q.orderBy('entity').orderBy('sort').orderBy('created_at').execute();
}
export type FieldRow = Awaited<ReturnType<typeof listFields>>[number];

export function findField(db: Db, tenantId: string, id: string) {
  return db.selectFrom('custom_fields').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function insertField(db: Db, row: Insertable<CustomFieldsTable>): Promise<void> {
  await db.insertInto('custom_fields').values(row).execute();
}

export async function updateField(db: Db, tenantId: string, id: string, version: number, set: Updateable<CustomFieldsTable>) {
  const r = await db.updateTable('custom_fields').set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteField(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('custom_fields').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
