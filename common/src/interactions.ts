import { z } from 'zod';
import { zDateTime } from './activities';
import { ZPageQuery } from './pagination';
import { zId, zOptionalText, zVersion } from './validation';

/** Interaction kinds of PRODUCT.md M7. */
export const INTERACTION_KINDS = ['call', 'email', 'chat', 'meeting'] as const;
export const INTERACTION_DIRECTIONS = ['inbound', 'outbound'] as const;

export const ZInteraction = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  kind: z.enum(INTERACTION_KINDS),
  direction: z.enum(INTERACTION_DIRECTIONS).nullable(),
  occurredAt: z.string(),
  userId: z.string(),
  userName: z.string().nullable(),
  subject: z.string().nullable(),
  content: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  problemType: z.string().nullable(),
  result: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TInteraction = z.infer<typeof ZInteraction>;

const fields = {
  contactId: zId.nullish(),
  direction: z.enum(INTERACTION_DIRECTIONS).nullish(),
  occurredAt: zDateTime,
  subject: zOptionalText(200),
  content: zOptionalText(5000),
  durationSeconds: z.number().int().min(0).max(86_400).nullish(),
  problemType: zOptionalText(100),
  result: zOptionalText(500),
};

function requiredByKind(
  v: { kind?: string; subject?: string | null; content?: string | null; durationSeconds?: number | null },
  ctx: z.RefinementCtx,
) {
  const missing = (path: string) => ctx.addIssue({ code: 'custom', path: [path], message: 'rule:required' });
  if (v.kind === 'call' && (v.durationSeconds === undefined || v.durationSeconds === null)) missing('durationSeconds');
  if (v.kind === 'email' && !v.subject) missing('subject');
  if ((v.kind === 'chat' || v.kind === 'meeting') && !v.content) missing('content');
}

/** A call needs its duration, an email its subject, a chat or meeting its content. */
export const ZCreateInteractionRequest = z.object({ customerId: zId, kind: z.enum(INTERACTION_KINDS), ...fields }).superRefine(requiredByKind);
export type TCreateInteractionRequest = z.infer<typeof ZCreateInteractionRequest>;

export const ZUpdateInteractionRequest = z.object({
  version: zVersion,
  contactId: fields.contactId,
  direction: fields.direction,
  occurredAt: fields.occurredAt.optional(),
  subject: fields.subject,
  content: fields.content,
  durationSeconds: fields.durationSeconds,
  problemType: fields.problemType,
  result: fields.result,
});
export type TUpdateInteractionRequest = z.infer<typeof ZUpdateInteractionRequest>;

export const ZListInteractionsQuery = ZPageQuery.extend({
  customerId: zId.optional(),
  contactId: zId.optional(),
  kind: z.enum(INTERACTION_KINDS).optional(),
});
export type TListInteractionsQuery = z.infer<typeof ZListInteractionsQuery>;
