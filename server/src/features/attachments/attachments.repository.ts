import type { Insertable } from 'kysely';
import type { AttachmentsTable, Db } from '../../db/database';
import { offsetOf } from '../../lib/pagination';

/** Live attachments of the tenant; access to the record they hang on is checked by the service. */
function live(db: Db, tenantId: string) {
  return db
    .selectFrom('attachments')
    .leftJoin('users as uploader', (j) => j.onRef('uploader.id', '=', 'attachments.uploaded_by').onRef('uploader.tenant_id', '=', 'attachments.tenant_id'))
    .where('attachments.tenant_id', '=', tenantId)
    .where('attachments.deleted_at', 'is', null);
}

const COLUMNS = [
  'attachments.id', 'attachments.entity', 'attachments.entity_id', 'attachments.file_name', 'attachments.mime_type',
  'attachments.size', 'attachments.sha256', 'attachments.storage_key', 'attachments.uploaded_by', 'uploader.name as uploader_name',
  'attachments.created_at',
] as const;

export function findAttachment(db: Db, tenantId: string, id: string) {
  return live(db, tenantId).select(COLUMNS).where('attachments.id', '=', id).executeTakeFirst();
}
export type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

export async function listAttachments(db: Db, tenantId: string, entity: string, entityId: string, q: { page: number; pageSize: number }) {
  const base = live(db, tenantId).where('attachments.entity', '=', entity).where('attachments.entity_id', '=', entityId);
  const [items, total] = await Promise.all([
    base.select(COLUMNS).orderBy('attachments.created_at', 'desc').orderBy('attachments.id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function insertAttachment(db: Db, row: Insertable<AttachmentsTable>): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

/** Marks an attachment deleted; false when it was already gone. */
export async function markDeleted(db: Db, tenantId: string, id: string, at: string): Promise<boolean> {
  const res = await db.updateTable('attachments').set({ deleted_at: at })
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Re-points every attachment of one record to another (customer merge); returns how many moved. */
export async function reassign(db: Db, tenantId: string, entity: string, fromId: string, toId: string): Promise<number> {
  const res = await db.updateTable('attachments').set({ entity_id: toId })
    .where('tenant_id', '=', tenantId).where('entity', '=', entity).where('entity_id', '=', fromId).where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Deletes every attachment row of a record (purge); returns their storage keys so the files can go too. */
export async function deleteRecordAttachments(db: Db, tenantId: string, entity: string, entityId: string): Promise<string[]> {
  const rows = await db.selectFrom('attachments').select('storage_key')
    .where('tenant_id', '=', tenantId).where('entity', '=', entity).where('entity_id', '=', entityId).execute();
  await db.deleteFrom('attachments').where('tenant_id', '=', tenantId).where('entity', '=', entity).where('entity_id', '=', entityId).execute();
  return rows.map((r) => r.storage_key);
}
