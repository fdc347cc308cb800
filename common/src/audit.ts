import { z } from 'zod';
import { ZPageQuery } from './pagination';

export const ZFieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type TFieldChange = z.infer<typeof ZFieldChange>;

export const ZAuditEntry = z.object({
  id: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  changes: z.array(ZFieldChange),
  ip: z.string().nullable(),
  createdAt: z.string(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = ZPageQuery.extend({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
