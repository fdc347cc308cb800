import type { Db } from '../../db/database';
import { newId } from '../../lib/ids';

export function listTags(db: Db, tenantId: string) {
  return db
    .selectFrom('tags')
    .select(['tags.id', 'tags.name', 'tags.group_name', 'tags.color'])
    .select((eb) =>
      eb.selectFrom('customer_tags').select(eb.fn.countAll<number>().as('n')).whereRef('customer_tags.tag_id', '=', 'tags.id').as('usage'),
    )
    .where('tags.tenant_id', '=', tenantId)
    .orderBy('tags.group_name')
    .orderBy('tags.name')
    .execute();
}

/** Ids of the named tags, creating the missing ones (insert-or-ignore, so concurrent callers agree). */
export async function ensureTags(db: Db, tenantId: string, names: string[], now: string): Promise<Map<string, string>> {
  const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (unique.length === 0) return new Map();
  await db
    .insertInto('tags')
    .values(unique.map((name) => ({ id: newId(), tenant_id: tenantId, name, group_name: null, color: null, created_at: now })))
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
    .execute();
  const rows = await db.selectFrom('tags').select(['id', 'name']).where('tenant_id', '=', tenantId).where('name', 'in', unique).execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

export async function linkTags(db: Db, tenantId: string, customerId: string, tagIds: string[], now: string): Promise<void> {
  if (tagIds.length === 0) return;
  await db
    .insertInto('customer_tags')
    .values(tagIds.map((tag_id) => ({ tenant_id: tenantId, customer_id: customerId, tag_id, created_at: now })))
    .onConflict((oc) => oc.columns(['customer_id', 'tag_id']).doNothing())
    .execute();
}

export async function unlinkTags(db: Db, tenantId: string, customerId: string, tagIds?: string[]): Promise<void> {
  let q = db.deleteFrom('customer_tags').where('tenant_id', '=', tenantId).where('customer_id', '=', customerId);
  if (tagIds) {
    if (tagIds.length === 0) return;
    q = q.where('tag_id', 'in', tagIds);
  }
  await q.execute();
}

export function findTag(db: Db, tenantId: string, id: string) {
  return db.selectFrom('tags').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function updateTag(db: Db, tenantId: string, id: string, set: { name?: string; group_name?: string | null; color?: string | null }) {
  await db.updateTable('tags').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteTag(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('customer_tags').where('tenant_id', '=', tenantId).where('tag_id', '=', id).execute();
  await db.deleteFrom('tags').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Many customer–tag links in multi-row INSERTs (a batch of imported customers). */
export async function linkTagsMany(db: Db, tenantId: string, links: Array<{ customerId: string; tagId: string }>, now: string): Promise<void> {
  for (let i = 0; i < links.length; i += 1000) {
    await db
      .insertInto('customer_tags')
      .values(links.slice(i, i + 1000).map((l) => ({ tenant_id: tenantId, customer_id: l.customerId, tag_id: l.tagId, created_at: now })))
      .onConflict((oc) => oc.columns(['customer_id', 'tag_id']).doNothing())
      .execute();
  }
}
