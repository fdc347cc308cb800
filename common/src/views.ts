import { z } from 'zod';
import { ZCondition } from './conditions';
import type { TCustomer } from './customers';
import { zOptionalText, zText, zVersion } from './validation';

/** Lists that can have saved views. */
export const VIEW_ENTITIES = ['customers'] as const;
export type ViewEntity = (typeof VIEW_ENTITIES)[number];

/** Built-in columns a customers list may show; custom fields add `custom.<key>`. */
export const CUSTOMER_VIEW_COLUMNS = [
  'number', 'name', 'type', 'industry', 'source', 'size', 'address', 'ownerName', 'status', 'tags', 'requirement',
  'preferences', 'valueTier', 'riskLevel', 'firstContactAt', 'lastFollowUpAt', 'wonAt', 'purchaseFrequency',
  'avgOrderValue', 'gender', 'birthday', 'staffCount', 'annualRevenue', 'completeness', 'primaryContact',
  'poolDaysLeft', 'createdAt', 'updatedAt',
] as const satisfies ReadonlyArray<keyof TCustomer>;

/**
 * What a saved view remembers: the condition tree (the one condition language), keyword, sort (`-updatedAt`),
 * visible columns in order, and page size.
 * @example { filter: { field: 'tags', op: 'hasAll', value: ['制造业', '预算10万+'] }, sort: '-lastFollowUpAt', columns: ['name', 'tags'] }
 */
export const ZViewConfig = z
  .object({
    filter: ZCondition.nullish(),
    q: zOptionalText(100),
    sort: z.string().trim().max(64).nullish(),
    columns: z.array(z.string().trim().min(1).max(80)).max(60).default([]),
    pageSize: z.number().int().min(1).max(200).nullish(),
  })
  .strict();
export type TViewConfig = z.infer<typeof ZViewConfig>;

export const ZSavedView = z.object({
  id: z.string(),
  entity: z.enum(VIEW_ENTITIES),
  name: z.string(),
  shared: z.boolean(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  config: ZViewConfig,
  /** The owner, or an admin (settings: manage) for a shared view. */
  canEdit: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TSavedView = z.infer<typeof ZSavedView>;

export const ZListViewsQuery = z.object({ entity: z.enum(VIEW_ENTITIES) });
export type TListViewsQuery = z.infer<typeof ZListViewsQuery>;

export const ZCreateViewRequest = z.object({
  entity: z.enum(VIEW_ENTITIES),
  name: zText(50),
  shared: z.boolean().default(false),
  config: ZViewConfig,
});
export type TCreateViewRequest = z.infer<typeof ZCreateViewRequest>;

export const ZUpdateViewRequest = z.object({
  version: zVersion,
  name: zText(50).optional(),
  shared: z.boolean().optional(),
  config: ZViewConfig.optional(),
});
export type TUpdateViewRequest = z.infer<typeof ZUpdateViewRequest>;
