import { z } from 'zod';
import { CUSTOMER_STATUSES } from './dictionaries';
import { ZCustomValues } from './fields';
import { ZPageQuery } from './pagination';
import { ZContactInput } from './contacts';
import { rule, zId, zOptionalText, zText, zVersion } from './validation';

export const CUSTOMER_TYPES = ['enterprise', 'individual'] as const;
export const VALUE_TIERS = ['A', 'B', 'C'] as const;
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export const GENDERS = ['male', 'female', 'unknown'] as const;

const zDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, rule('date'));
const zDateTime = z.iso.datetime({ offset: true });

export const ZAddress = z.object({
  province: zOptionalText(20),
  city: zOptionalText(30),
  district: zOptionalText(30),
  street: zOptionalText(200),
});
export type TAddress = z.infer<typeof ZAddress>;

export const ZCustomer = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  type: z.enum(CUSTOMER_TYPES),
  industry: z.string(),
  industryNote: z.string().nullable(),
  source: z.string(),
  size: z.string().nullable(),
  address: z.object({ province: z.string().nullable(), city: z.string().nullable(), district: z.string().nullable(), street: z.string().nullable() }),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(CUSTOMER_STATUSES),
  tags: z.array(z.string()),
  requirement: z.string().nullable(),
  preferences: z.object({ product: z.string().nullable(), communication: z.string().nullable() }),
  valueTier: z.enum(VALUE_TIERS).nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  firstContactAt: z.string().nullable(),
  lastFollowUpAt: z.string().nullable(),
  wonAt: z.string().nullable(),
  purchaseFrequency: z.number().nullable(),
  /** Yuan, two decimals. */
  avgOrderValue: z.number().nullable(),
  gender: z.enum(GENDERS).nullable(),
  birthday: z.string().nullable(),
  staffCount: z.number().int().nullable(),
  annualRevenue: z.number().nullable(),
  completeness: z.number().int(),
  custom: z.record(z.string(), z.unknown()),
  primaryContact: z
    .object({ id: z.string(), name: z.string(), mobile: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  /** In a public pool: which one and since when; else null. */
  poolId: z.string().nullable(),
  pooledAt: z.string().nullable(),
  /** Who owned it before it went to a public pool (or was last handed on). */
  lastOwnerId: z.string().nullable(),
  locked: z.boolean(),
  /** Days until the customer returns to the pool under its rules (null when exempt or in a pool). */
  poolDaysLeft: z.number().int().nullable(),
  deletedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCustomer = z.infer<typeof ZCustomer>;

const customerFields = {
  name: zText(100),
  type: z.enum(CUSTOMER_TYPES).default('enterprise'),
  industry: zText(40),
  industryNote: zOptionalText(100),
  source: zText(40),
  size: zOptionalText(40),
  address: ZAddress.optional(),
  ownerId: zId.nullish(),
  status: z.enum(CUSTOMER_STATUSES).default('potential'),
  tags: z.array(z.string().trim().min(1).max(30)).max(50).optional(),
  requirement: zOptionalText(2000),
  preferences: z.object({ product: zOptionalText(500), communication: zOptionalText(500) }).optional(),
  valueTier: z.enum(VALUE_TIERS).nullish(),
  riskLevel: z.enum(RISK_LEVELS).nullish(),
  firstContactAt: zDateTime.nullish(),
  purchaseFrequency: z.number().min(0).max(100000).nullish(),
  avgOrderValue: z.number().min(0).max(1e12).nullish(),
  gender: z.enum(GENDERS).nullish(),
  birthday: zDate.nullish(),
  staffCount: z.number().int().min(0).max(10_000_000).nullish(),
  annualRevenue: z.number().min(0).max(1e15).nullish(),
  custom: ZCustomValues.optional(),
};

/** POST /customers: the customer plus its first contact (seed 000: a customer is entered with its contact). */
export const ZCreateCustomerRequest = z.object({
  ...customerFields,
  contact: ZContactInput,
  allowDuplicate: z.boolean().optional(),
});
export type TCreateCustomerRequest = z.infer<typeof ZCreateCustomerRequest>;

export const ZUpdateCustomerRequest = z.object({
  version: zVersion,
  name: customerFields.name.optional(),
  type: z.enum(CUSTOMER_TYPES).optional(),
  industry: customerFields.industry.optional(),
  industryNote: customerFields.industryNote,
  source: customerFields.source.optional(),
  size: customerFields.size,
  address: customerFields.address,
  status: z.enum(CUSTOMER_STATUSES).optional(),
  tags: customerFields.tags,
  requirement: customerFields.requirement,
  preferences: customerFields.preferences,
  valueTier: customerFields.valueTier,
  riskLevel: customerFields.riskLevel,
  firstContactAt: customerFields.firstContactAt,
  purchaseFrequency: customerFields.purchaseFrequency,
  avgOrderValue: customerFields.avgOrderValue,
  gender: customerFields.gender,
  birthday: customerFields.birthday,
  staffCount: customerFields.staffCount,
  annualRevenue: customerFields.annualRevenue,
  custom: customerFields.custom,
  allowDuplicate: z.boolean().optional(),
});
export type TUpdateCustomerRequest = z.infer<typeof ZUpdateCustomerRequest>;

export const ZListCustomersQuery = ZPageQuery.extend({
  /** URL-encoded JSON condition tree (see conditions.ts). */
  filter: z.string().max(8000).optional(),
  ownerId: z.string().max(64).optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  tag: z.string().max(30).optional(),
  deleted: z.enum(['true', 'false']).optional(),
  /** The customers of a public pool (members and admins). */
  poolId: z.string().max(64).optional(),
});
export type TListCustomersQuery = z.infer<typeof ZListCustomersQuery>;

export const ZDuplicateQuery = z.object({
  name: z.string().trim().max(100).optional(),
  mobile: z.string().trim().max(32).optional(),
  email: z.string().trim().max(254).optional(),
  excludeId: z.string().max(64).optional(),
});
export type TDuplicateQuery = z.infer<typeof ZDuplicateQuery>;

export const ZDuplicateMatch = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  ownerName: z.string().nullable(),
  /** Which normalised value matched: name, mobile or email. */
  matchedOn: z.array(z.enum(['name', 'mobile', 'email'])),
  /** False when the match is outside the caller's data scope: they learn that it exists, not what it is. */
  visible: z.boolean(),
});
export type TDuplicateMatch = z.infer<typeof ZDuplicateMatch>;

export const ZTransferRequest = z.object({ ownerId: zId, reason: zOptionalText(200) });
export type TTransferRequest = z.infer<typeof ZTransferRequest>;

export const ZBulkRequest = z.object({
  ids: z.array(zId).min(1).max(500),
  action: z.enum(['addTags', 'removeTags', 'transfer', 'delete']),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
  ownerId: zId.optional(),
});
export type TBulkRequest = z.infer<typeof ZBulkRequest>;

export const ZBulkResult = z.object({
  done: z.array(z.string()),
  failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
});
export type TBulkResult = z.infer<typeof ZBulkResult>;

export const ZTimelineEvent = z.object({
  id: z.string(),
  type: z.string(),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
});
export type TTimelineEvent = z.infer<typeof ZTimelineEvent>;
