import { ATTACHMENT_EXTENSIONS, attachmentMime, type AttachmentEntity, type TAttachment } from '@guanxi/common/attachments';
import type { TPage } from '@guanxi/common/pagination';
import { readTimestamp } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { pageOf } from '../../lib/pagination';
import { storageFor } from '../../lib/storage';
import { appendTimeline } from '../../lib/timeline';
import { customerInScope, getCustomer } from '../customers/customers.service';
import { getFollowup } from '../followups/followups.service';
import { signatureMatches } from './file-signatures';
import { deleteRecordAttachments, findAttachment, insertAttachment, listAttachments, markDeleted, reassign, type AttachmentRow } from './attachments.repository';

/**
 * Who may see or change the attachments of a record: the record's own rules (permission and data scope), and the
 * customer whose timeline shows the change. Follow-ups, opportunities and tickets add their entry here.
 */
const RECORDS: Record<AttachmentEntity, { assert(deps: AppDeps, actor: Actor, id: string, action: 'view' | 'edit'): Promise<string> }> = {
  // Each `assert` throws unless the actor may see (view) or change (edit) the record, and returns its customer's id.
  customer: {
    async assert(deps, actor, id, action) {
      assertCan(actor, 'customers', action);
      // Viewing follows the customer's visibility (pool members included); changing needs it in the data scope.
      if (action === 'view') await getCustomer(deps, actor, id);
      else if (!(await customerInScope(deps, actor, id))) throw new AppError('NOT_FOUND');
      return id;
    },
  },
  followup: {
    async assert(deps, actor, id, action) {
      assertCan(actor, 'followups', action);
      return (await getFollowup(deps, actor, id)).customerId;
    },
  },
};

function toAttachment(r: AttachmentRow): TAttachment {
  return {
    id: r.id, entity: r.entity as AttachmentEntity, entityId: r.entity_id, fileName: r.file_name, mimeType: r.mime_type,
    size: Number(r.size), sha256: r.sha256, uploadedBy: r.uploaded_by, uploadedByName: r.uploader_name ?? null,
    createdAt: readTimestamp(r.created_at),
  };
}

/** "20 MB" for messages. */
function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}

/** The 413 answer for a file over the limit, naming the field and the limit. */
export function attachmentTooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', [{ field: 'file', rule: 'file_too_large', params: { max: sizeLabel(maxBytes) } }]);
}

/** The name as shown and downloaded: no directories, no control characters, at most 200 characters. */
function cleanFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = (raw.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

export type UploadInput = { entity: AttachmentEntity; entityId: string; file: File };

/**
 * Stores an uploaded file and records it on its record, with a timeline entry and an audit entry. The file is
 * written completely first (temp name, then rename); the row follows in one transaction, and when that fails the
 * file is removed again, so there is never a row without its file.
 */
export async function uploadAttachment(deps: AppDeps, actor: Actor, input: UploadInput): Promise<TAttachment> {
  const record = RECORDS[input.entity];
  const customerId = await record.assert(deps, actor, input.entityId, 'edit');
  const fileName = cleanFileName(input.file.name);
  if (!fileName) throw AppError.invalid('file', 'required');
  const mime = attachmentMime(fileName, input.file.type);
  if (!mime || !(await signatureMatches(fileName, input.file))) {
    throw AppError.invalid('file', 'file_type', { allowed: ATTACHMENT_EXTENSIONS.join(', ') });
  }
  if (input.file.size > deps.config.ATTACHMENT_MAX_BYTES) throw attachmentTooLarge(deps.config.ATTACHMENT_MAX_BYTES);
  if (input.file.size === 0) throw AppError.invalid('file', 'file_empty');

  const id = newId();
  const key = `${actor.tenantId}/${id}`;
  const storage = storageFor(deps.config);
  const stored = await storage.put(key, input.file.stream());
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertAttachment(trx, {
        id, tenant_id: actor.tenantId, entity: input.entity, entity_id: input.entityId, file_name: fileName, mime_type: mime,
        size: stored.size, sha256: stored.sha256, storage_key: key, uploaded_by: actor.via === 'system' ? null : actor.userId,
        created_at: deps.clock.now().toISOString(),
      });
      const data = { fileName, size: stored.size };
      await appendTimeline({ ...deps, db: trx }, actor, { customerId, type: 'attachment_added', refType: 'attachment', refId: id, data });
      await recordAudit({ ...deps, db: trx }, actor, {
        entity: input.entity, entityId: input.entityId, action: 'attach', changes: [{ field: 'attachments', from: null, to: { id, ...data } }],
      });
    });
  } catch (err) {
    await storage.remove(key);
    throw err;
  }
  return toAttachment((await findAttachment(deps.db, actor.tenantId, id))!);
}

export async function listRecordAttachments(
  deps: AppDeps,
  actor: Actor,
  entity: AttachmentEntity,
  entityId: string,
  q: { page: number; pageSize: number },
): Promise<TPage<TAttachment>> {
  await RECORDS[entity].assert(deps, actor, entityId, 'view');
  const { items, total } = await listAttachments(deps.db, actor.tenantId, entity, entityId, q);
  return pageOf(items.map(toAttachment), total, q);
}

/** An attachment the actor may see, with its bytes as a stream (404 when the record or the file is gone). */
export async function openAttachment(deps: AppDeps, actor: Actor, id: string) {
  const row = await findAttachment(deps.db, actor.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  await RECORDS[row.entity as AttachmentEntity].assert(deps, actor, row.entity_id, 'view');
  const file = await storageFor(deps.config).get(row.storage_key);
  if (!file) {
    deps.logger.warn('attachment file missing', { attachmentId: id, storageKey: row.storage_key });
    throw new AppError('NOT_FOUND');
  }
  return { attachment: toAttachment(row), stream: file.stream, size: file.size };
}

/** Deletes an attachment: the row stays as a tombstone for the timeline and audit trail, the file goes. */
export async function deleteAttachment(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const row = await findAttachment(deps.db, actor.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  const customerId = await RECORDS[row.entity as AttachmentEntity].assert(deps, actor, row.entity_id, 'edit');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await markDeleted(trx, actor.tenantId, id, deps.clock.now().toISOString()))) throw new AppError('NOT_FOUND');
    const data = { fileName: row.file_name, size: Number(row.size) };
    await appendTimeline({ ...deps, db: trx }, actor, { customerId, type: 'attachment_removed', refType: 'attachment', refId: id, data });
    await recordAudit({ ...deps, db: trx }, actor, {
      entity: row.entity, entityId: row.entity_id, action: 'detach', changes: [{ field: 'attachments', from: { id, ...data }, to: null }],
    });
  });
  try {
    await storageFor(deps.config).remove(row.storage_key);
  } catch (err) {
    // The row is already a tombstone; a leftover file costs disk space, not correctness.
    deps.logger.warn('attachment file not removed', { attachmentId: id, error: err instanceof Error ? err.message : String(err) });
  }
}

/** Moves every attachment of one record to another in the caller's transaction (customer merge). */
export function moveAttachments(db: AppDeps['db'], tenantId: string, entity: AttachmentEntity, fromId: string, toId: string): Promise<number> {
  return reassign(db, tenantId, entity, fromId, toId);
}

/**
 * Erases a record's attachments for good (customer purge, PIPL erasure): rows in the caller's transaction, files
 * after it commits (call the returned function then).
 */
export async function purgeRecordAttachments(db: AppDeps['db'], deps: Pick<AppDeps, 'config' | 'logger'>, tenantId: string, entity: AttachmentEntity, entityId: string) {
  const keys = await deleteRecordAttachments(db, tenantId, entity, entityId);
  return async () => {
    for (const key of keys) {
      await storageFor(deps.config).remove(key).catch((err: unknown) => {
        deps.logger.warn('attachment file not removed', { key, error: err instanceof Error ? err.message : String(err) });
      });
    }
  };
}
