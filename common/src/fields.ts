import { z } from 'zod';
import { zText, zVersion } from './validation';

/** Custom fields (PRODUCT.md M1): values live in each record's `custom` object, keyed by the field's key. */
export const CUSTOM_FIELD_ENTITIES = ['customer', 'contact'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'money', 'date', 'select', 'multiselect', 'boolean'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const ZFieldOption = z.object({
  value: z.string().trim().min(1).max(60),
  labelZh: z.string().trim().min(1).max(60),
  labelEn: z.string().trim().max(80).optional(),
});
export type TFieldOption = z.infer<typeof ZFieldOption>;

export const ZCustomField = z.object({
  id: z.string(),
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean(),
  options: z.array(ZFieldOption),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type TCustomField = z.infer<typeof ZCustomField>;

export const ZCreateCustomFieldRequest = z.object({
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/),
  labelZh: zText(60),
  labelEn: zText(80),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean().default(false),
  options: z.array(ZFieldOption).max(200).default([]),
  sort: z.number().int().min(0).max(9999).optional(),
});
export type TCreateCustomFieldRequest = z.infer<typeof ZCreateCustomFieldRequest>;

export const ZUpdateCustomFieldRequest = z.object({
  version: zVersion,
  labelZh: zText(60).optional(),
  labelEn: zText(80).optional(),
  required: z.boolean().optional(),
  options: z.array(ZFieldOption).max(200).optional(),
  sort: z.number().int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
});
export type TUpdateCustomFieldRequest = z.infer<typeof ZUpdateCustomFieldRequest>;

export type CustomValue = string | number | boolean | string[] | null;
export const ZCustomValues = z.record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(60)).max(200), z.null()]));
