import { z } from 'zod';
import { ZCustomValues } from './fields';
import { ZPageQuery } from './pagination';
import { isLandline } from './phone';
import { rule, zMobile, zOptionalText, zText, zVersion } from './validation';

export const ZContact = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  landline: z.string().nullable(),
  email: z.string().nullable(),
  role: z.string().nullable(),
  preferredChannel: z.string().nullable(),
  notes: z.string().nullable(),
  isPrimary: z.boolean(),
  birthday: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TContact = z.infer<typeof ZContact>;

const zLandline = z.string().trim().max(40).refine((v) => v === '' || isLandline(v), rule('landline'));
const zOptionalEmail = z.string().trim().max(254).refine((v) => v === '' || z.email().safeParse(v).success, rule('email'));

const contactFields = {
  name: zText(50),
  title: zOptionalText(100),
  /** Required, mainland format; +86, spaces, dashes and full-width digits are normalised. */
  mobile: zMobile,
  landline: zLandline.nullish(),
  email: zOptionalEmail.nullish(),
  role: zOptionalText(40),
  preferredChannel: zOptionalText(100),
  notes: zOptionalText(1000),
  birthday: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, rule('date')).nullish(),
  custom: ZCustomValues.optional(),
};

/** A contact as entered with a new customer. */
export const ZContactInput = z.object(contactFields);
export type TContactInput = z.infer<typeof ZContactInput>;

export const ZCreateContactRequest = z.object({ ...contactFields, customerId: z.string().min(1).max(64), isPrimary: z.boolean().optional() });
export type TCreateContactRequest = z.infer<typeof ZCreateContactRequest>;

export const ZUpdateContactRequest = z.object({
  version: zVersion,
  name: contactFields.name.optional(),
  title: contactFields.title,
  mobile: contactFields.mobile.optional(),
  landline: contactFields.landline,
  email: contactFields.email,
  role: contactFields.role,
  preferredChannel: contactFields.preferredChannel,
  notes: contactFields.notes,
  birthday: contactFields.birthday,
  isPrimary: z.literal(true).optional(),
  custom: contactFields.custom,
});
export type TUpdateContactRequest = z.infer<typeof ZUpdateContactRequest>;

export const ZListContactsQuery = ZPageQuery.extend({
  customerId: z.string().max(64).optional(),
  /** Look-up by mobile from anywhere (incoming call): any common way of writing the number. */
  mobile: z.string().max(32).optional(),
});
export type TListContactsQuery = z.infer<typeof ZListContactsQuery>;
