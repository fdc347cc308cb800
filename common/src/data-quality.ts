import { z } from 'zod';
import { ZCustomer } from './customers';
import { ZPageQuery } from './pagination';

export const DATA_QUALITY_KINDS = ['duplicate_name', 'duplicate_mobile', 'invalid_mobile', 'invalid_email'] as const;
export type DataQualityKind = (typeof DATA_QUALITY_KINDS)[number];

export const ZDataQualitySummary = z.object({
  run: z.object({ status: z.enum(['running', 'done', 'failed']), startedAt: z.string(), finishedAt: z.string().nullable() }).nullable(),
  counts: z.object({ duplicateGroups: z.number().int(), lowCompleteness: z.number().int(), invalidMobiles: z.number().int(), invalidEmails: z.number().int() }),
  /** Below this completeness a customer counts as incomplete. */
  threshold: z.number().int(),
});
export type TDataQualitySummary = z.infer<typeof ZDataQualitySummary>;

export const ZDuplicateGroup = z.object({
  id: z.string(),
  kind: z.enum(['duplicate_name', 'duplicate_mobile']),
  key: z.string(),
  /** The customers of the group the user may see (a group shows when at least two are left). */
  customers: z.array(ZCustomer),
});
export type TDuplicateGroup = z.infer<typeof ZDuplicateGroup>;

export const ZInvalidContact = z.object({
  id: z.string(),
  kind: z.enum(['invalid_mobile', 'invalid_email']),
  contactId: z.string(),
  contactName: z.string(),
  value: z.string(),
  customer: ZCustomer,
});
export type TInvalidContact = z.infer<typeof ZInvalidContact>;

export const ZDataQualityPageQuery = ZPageQuery.pick({ page: true, pageSize: true });
export const ZInvalidQuery = ZDataQualityPageQuery.extend({ kind: z.enum(['invalid_mobile', 'invalid_email']) });
export const ZIncompleteQuery = ZDataQualityPageQuery.extend({ below: z.coerce.number().int().min(1).max(100).default(60) });
