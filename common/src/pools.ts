import { z } from 'zod';
import { zId, zOptionalText, zText, zVersion } from './validation';

/** Days per customer value tier (A/B/C), with a default for customers without a tier. */
export const ZDaysByTier = z.object({
  default: z.number().int().min(1).max(3650),
  A: z.number().int().min(1).max(3650).optional(),
  B: z.number().int().min(1).max(3650).optional(),
  C: z.number().int().min(1).max(3650).optional(),
});

/**
 * A pool's rules (PRODUCT.md M2 公海): when owned customers return to it, who is warned, and how members claim.
 * `noFollowUpDays` / `noDealDays` count from the later of the last follow-up and the day the owner got the customer.
 */
export const ZPoolRules = z.object({
  autoReturn: z.boolean(),
  noFollowUpDays: ZDaysByTier.nullable(),
  noDealDays: ZDaysByTier.nullable(),
  warnDaysBefore: z.number().int().min(0).max(90),
  exemptWon: z.boolean(),
  exemptLocked: z.boolean(),
  dailyClaimCap: z.number().int().min(0).max(10000),
  holdLimit: z.number().int().min(0).max(1_000_000),
  reclaimCooldownDays: z.number().int().min(0).max(365),
});
export type TPoolRules = z.infer<typeof ZPoolRules>;

export const DEFAULT_POOL_RULES: TPoolRules = {
  autoReturn: true,
  noFollowUpDays: { default: 30, A: 60, B: 45 },
  noDealDays: { default: 180 },
  warnDaysBefore: 3,
  exemptWon: true,
  exemptLocked: true,
  dailyClaimCap: 20,
  holdLimit: 500,
  reclaimCooldownDays: 7,
};

export const ZPool = z.object({
  id: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  rules: ZPoolRules,
  members: z.array(z.object({ userId: z.string(), name: z.string(), isAdmin: z.boolean() })),
  customerCount: z.number().int(),
  version: z.number().int(),
});
export type TPool = z.infer<typeof ZPool>;

export const ZCreatePoolRequest = z.object({
  name: zText(50),
  rules: ZPoolRules.optional(),
  members: z.array(z.object({ userId: zId, isAdmin: z.boolean().default(false) })).max(1000).default([]),
});
export type TCreatePoolRequest = z.infer<typeof ZCreatePoolRequest>;

export const ZUpdatePoolRequest = z.object({
  version: zVersion,
  name: zText(50).optional(),
  rules: ZPoolRules.optional(),
  members: z.array(z.object({ userId: zId, isAdmin: z.boolean().default(false) })).max(1000).optional(),
});
export type TUpdatePoolRequest = z.infer<typeof ZUpdatePoolRequest>;

export const ZClaimRequest = z.object({ ids: z.array(zId).min(1).max(200) });
export const ZAssignRequest = z.object({ ids: z.array(zId).min(1).max(500), ownerId: zId });
export const ZReturnRequest = z.object({ poolId: zId.optional(), reason: zOptionalText(200) });
export type TReturnRequest = z.infer<typeof ZReturnRequest>;
