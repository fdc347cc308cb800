import { z } from 'zod';
import { ZPageQuery } from './pagination';
import { zVersion } from './validation';

/**
 * The follow-up SOP per lifecycle stage (PRODUCT.md M4, seed 002 步骤3): 潜在 — first follow-up within N days of
 * acquisition; 意向 — every N days; 成交 — onboarding contact within N days of the deal, with a satisfaction survey;
 * 老客户 — from N months after the deal, every N months.
 */
export const ZFollowupSop = z.object({
  potential: z.object({ enabled: z.boolean(), firstWithinDays: z.number().int().min(1).max(90) }),
  intent: z.object({ enabled: z.boolean(), everyDays: z.number().int().min(1).max(90) }),
  won: z.object({ enabled: z.boolean(), withinDays: z.number().int().min(1).max(90), survey: z.boolean() }),
  loyal: z.object({ enabled: z.boolean(), afterMonths: z.number().int().min(1).max(24), everyMonths: z.number().int().min(1).max(12) }),
});
export type TFollowupSop = z.infer<typeof ZFollowupSop>;

/** Seed 002 defaults. */
export const DEFAULT_FOLLOWUP_SOP: TFollowupSop = {
  potential: { enabled: true, firstWithinDays: 7 },
  intent: { enabled: true, everyDays: 7 },
  won: { enabled: true, withinDays: 7, survey: true },
  loyal: { enabled: true, afterMonths: 3, everyMonths: 3 },
};

export const ZFollowupSopSettings = z.object({ sop: ZFollowupSop, version: z.number().int() });
export type TFollowupSopSettings = z.infer<typeof ZFollowupSopSettings>;

export const ZUpdateFollowupSopRequest = z.object({ sop: ZFollowupSop, version: zVersion.or(z.literal(0)) });
export type TUpdateFollowupSopRequest = z.infer<typeof ZUpdateFollowupSopRequest>;

/** A customer due for follow-up: its earliest open follow-up or SOP task is due by the asked time. */
export const ZDueCustomer = z.object({
  id: z.string(),
  name: z.string(),
  number: z.string(),
  status: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  lastFollowUpAt: z.string().nullable(),
  followUpDueAt: z.string(),
  overdue: z.boolean(),
});
export type TDueCustomer = z.infer<typeof ZDueCustomer>;

export const ZDueCustomersQuery = ZPageQuery.pick({ page: true, pageSize: true }).extend({
  mine: z.enum(['true', 'false']).optional(),
  /** Due by the end of this many days from now (0 = overdue only). */
  withinDays: z.coerce.number().int().min(0).max(90).default(1),
});
export type TDueCustomersQuery = z.infer<typeof ZDueCustomersQuery>;
