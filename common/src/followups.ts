import { z } from 'zod';
import { zDateTime } from './activities';
import { ZPageQuery } from './pagination';
import { zId, zOptionalText, zText, zVersion } from './validation';

/** Customer feedback on a follow-up (有意向 / 需进一步评估 / 暂无需求). */
export const FOLLOWUP_FEEDBACK = ['interested', 'evaluating', 'no_need'] as const;
export type FollowupFeedback = (typeof FOLLOWUP_FEEDBACK)[number];

export const ZFollowup = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  customerStatus: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  date: z.string(),
  method: z.string(),
  followerId: z.string(),
  followerName: z.string().nullable(),
  content: z.string(),
  feedback: z.enum(FOLLOWUP_FEEDBACK).nullable(),
  nextAction: z.string().nullable(),
  nextFollowUpAt: z.string().nullable(),
  /** The open task the next follow-up time created. */
  taskId: z.string().nullable(),
  /** A status the customer could move to after this follow-up (offered by the UI, never applied silently). */
  statusSuggestion: z.enum(['potential', 'intent', 'won', 'churned']).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TFollowup = z.infer<typeof ZFollowup>;

const fields = {
  contactId: zId.nullish(),
  date: zDateTime,
  method: z.string().trim().min(1).max(40),
  followerId: zId.optional(),
  content: zText(5000),
  feedback: z.enum(FOLLOWUP_FEEDBACK).nullish(),
  nextAction: zOptionalText(500),
  nextFollowUpAt: zDateTime.nullish(),
};

export const ZCreateFollowupRequest = z.object({ customerId: zId, ...fields });
export type TCreateFollowupRequest = z.infer<typeof ZCreateFollowupRequest>;

export const ZUpdateFollowupRequest = z.object({
  version: zVersion,
  contactId: fields.contactId,
  date: fields.date.optional(),
  method: fields.method.optional(),
  followerId: fields.followerId,
  content: fields.content.optional(),
  feedback: fields.feedback,
  nextAction: fields.nextAction,
  nextFollowUpAt: fields.nextFollowUpAt,
});
export type TUpdateFollowupRequest = z.infer<typeof ZUpdateFollowupRequest>;

export const ZListFollowupsQuery = ZPageQuery.extend({
  customerId: zId.optional(),
  followerId: zId.optional(),
  mine: z.enum(['true', 'false']).optional(),
  from: zDateTime.optional(),
  to: zDateTime.optional(),
});
export type TListFollowupsQuery = z.infer<typeof ZListFollowupsQuery>;
