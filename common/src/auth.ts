import { z } from 'zod';
import { ZDataScope, ZPermissions } from './permissions';
import { zEmail, zMobile, zPassword, zText } from './validation';

export const STAFF_SIZES = ['1-20', '21-100', '101-500', '501-1000', '1000+'] as const;

export const ZSignupRequest = z.object({
  companyName: zText(100),
  industry: zText(50),
  staffSize: z.enum(STAFF_SIZES),
  adminName: zText(50),
  email: zEmail,
  mobile: zMobile,
  password: zPassword,
});
export type TSignupRequest = z.infer<typeof ZSignupRequest>;

export const ZLoginRequest = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZMe = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    mobile: z.string().nullable(),
    departmentId: z.string().nullable(),
    roleId: z.string(),
    locale: z.string(),
    timezone: z.string(),
  }),
  tenant: z.object({ id: z.string(), name: z.string() }),
  role: z.object({
    id: z.string(),
    code: z.string().nullable(),
    name: z.string(),
    dataScope: ZDataScope,
    viewSensitive: z.boolean(),
    permissions: ZPermissions,
  }),
  /** Send back as the X-CSRF-Token header on every unsafe request made with the session cookie. */
  csrfToken: z.string().nullable(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZUpdateProfileRequest = z.object({
  name: zText(50).optional(),
  mobile: zMobile.optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  timezone: z.string().min(1).max(64).optional(),
});
export type TUpdateProfileRequest = z.infer<typeof ZUpdateProfileRequest>;

export const ZChangePasswordRequest = z.object({ currentPassword: z.string().min(1).max(128), newPassword: zPassword });
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;
