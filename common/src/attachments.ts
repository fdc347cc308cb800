import { z } from 'zod';

/** Records that carry attachments (PRODUCT.md M2; follow-ups, opportunities and tickets will join). */
export const ATTACHMENT_ENTITIES = ['customer', 'followup'] as const;
export type AttachmentEntity = (typeof ATTACHMENT_ENTITIES)[number];

/**
 * The file types an attachment may have, by extension, with the MIME type it is stored and served as and the
 * types browsers send for it. A file must have a listed extension and a matching (or generic) MIME type.
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, { mime: string; accepts: readonly string[] }>> = {
  pdf: { mime: 'application/pdf', accepts: ['application/pdf', 'application/x-pdf'] },
  doc: { mime: 'application/msword', accepts: ['application/msword'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', accepts: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'] },
  xls: { mime: 'application/vnd.ms-excel', accepts: ['application/vnd.ms-excel'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', accepts: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'] },
  ppt: { mime: 'application/vnd.ms-powerpoint', accepts: ['application/vnd.ms-powerpoint'] },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', accepts: ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/zip'] },
  txt: { mime: 'text/plain', accepts: ['text/plain'] },
  // Windows reports .csv as an Excel file.
  csv: { mime: 'text/csv', accepts: ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'] },
  png: { mime: 'image/png', accepts: ['image/png'] },
  jpg: { mime: 'image/jpeg', accepts: ['image/jpeg', 'image/pjpeg'] },
  jpeg: { mime: 'image/jpeg', accepts: ['image/jpeg', 'image/pjpeg'] },
  gif: { mime: 'image/gif', accepts: ['image/gif'] },
  zip: { mime: 'application/zip', accepts: ['application/zip', 'application/x-zip-compressed'] },
};

/** Extensions for messages and for the file picker's `accept` attribute. */
export const ATTACHMENT_EXTENSIONS = Object.keys(ATTACHMENT_TYPES);

// Sent when the client does not know the type; the extension then decides.
const GENERIC_MIME = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * The MIME type to store for an upload, or null when its extension or MIME type is not allowed.
 * @example attachmentMime('标书.pdf', 'application/pdf') // 'application/pdf'
 * @example attachmentMime('run.exe', 'application/octet-stream') // null
 */
export function attachmentMime(fileName: string, clientMime: string | null | undefined): string | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  const type = ATTACHMENT_TYPES[fileName.slice(dot + 1).toLowerCase()];
  if (!type) return null;
  const mime = (clientMime ?? '').split(';')[0]!.trim().toLowerCase();
  return GENERIC_MIME.has(mime) || type.accepts.includes(mime) ? type.mime : null;
}

export const ZAttachment = z.object({
  id: z.string(),
  entity: z.enum(ATTACHMENT_ENTITIES),
  entityId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  /** Bytes. */
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;
