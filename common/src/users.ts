import { z } from 'zod';
import { ZPageQuery } from './pagination';
import { zEmail, zId, zMobile, zOptionalMobile, zPassword, zText, zVersion } from './validation';

export const ZUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  mobile: z.string().nullable(),
  departmentId: z.string().nullable(),
  roleId: z.string(),
  superiorId: z.string().nullable(),
  active: z.boolean(),
  locale: z.string(),
  timezone: z.string(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZCreateUserRequest = z.object({
  name: zText(50),
  email: zEmail,
  mobile: zMobile,
  password: zPassword,
  departmentId: zId.nullish(),
  roleId: zId,
  superiorId: zId.nullish(),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.object({
  version: zVersion,
  name: zText(50).optional(),
  email: zEmail.optional(),
  mobile: zOptionalMobile,
  departmentId: zId.nullish(),
  roleId: zId.optional(),
  superiorId: zId.nullish(),
  active: z.boolean().optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZResetPasswordRequest = z.object({ password: zPassword });
export type TResetPasswordRequest = z.infer<typeof ZResetPasswordRequest>;

export const ZListUsersQuery = ZPageQuery.extend({
  departmentId: z.string().optional(),
  roleId: z.string().optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type TListUsersQuery = z.infer<typeof ZListUsersQuery>;

/**
 * The colleague directory: who works in the tenant, by name and department, without contact details. Every signed-in
 * user may read it (to hand a customer to a colleague, see an owner's name); GET /users stays within the data scope.
 */
export const ZUserDirectoryEntry = z.object({
  id: z.string(),
  name: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  active: z.boolean(),
});
export type TUserDirectoryEntry = z.infer<typeof ZUserDirectoryEntry>;

export const ZUserDirectoryQuery = ZPageQuery.extend({
  /** Comma-separated ids to resolve (up to 200), e.g. the owners shown on a page. */
  ids: z.string().max(200 * 40).optional(),
  departmentId: z.string().optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type TUserDirectoryQuery = z.infer<typeof ZUserDirectoryQuery>;
