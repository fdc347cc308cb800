import type { Insertable, Updateable } from 'kysely';
import type { Db, SavedViewsTable } from '../../db/database';
import { dbBool, type DialectName } from '../../db/dialect';

/** Views a user may see: their own and those shared in their tenant. */
function visible(db: Db, dialect: DialectName, tenantId: string, userId: string) {
  return db
    .selectFrom('saved_views as v')
    .leftJoin('users as owner', (j) => j.onRef('owner.id', '=', 'v.owner_id').onRef('owner.tenant_id', '=', 'v.tenant_id'))
    .select([
      'v.id', 'v.entity', 'v.name', 'v.shared', 'v.owner_id', 'owner.name as owner_name', 'v.config', 'v.version', 'v.created_at', 'v.updated_at',
    ])
    .where('v.tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('v.owner_id', '=', userId), eb('v.shared', '=', dbBool(dialect, true))]));
}

export function findView(db: Db, dialect: DialectName, tenantId: string, userId: string, id: string) {
  return visible(db, dialect, tenantId, userId).where('v.id', '=', id).executeTakeFirst();
}
export type ViewRow = NonNullable<Awaited<ReturnType<typeof findView>>>;

/** The user's own views first, then shared ones, each by name. */
export function listViews(db: Db, dialect: DialectName, tenantId: string, userId: string, entity: string) {
  return visible(db, dialect, tenantId, userId)
    .where('v.entity', '=', entity)
    .orderBy((eb) => eb.case().when('v.owner_id', '=', userId).then(0).else(1).end())
    .orderBy('v.name')
    .orderBy('v.id')
    .execute();
}

export async function insertView(db: Db, row: Insertable<SavedViewsTable>): Promise<void> {
  await db.insertInto('saved_views').values(row).execute();
}

/** Updates a view when `version` still matches; false when it changed meanwhile. */
export async function updateView(db: Db, tenantId: string, id: string, version: number, set: Updateable<SavedViewsTable>): Promise<boolean> {
  const res = await db.updateTable('saved_views').set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteView(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('saved_views').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
