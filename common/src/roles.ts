import { z } from 'zod';
import { ZDataScope, ZPermissions } from './permissions';
import { zOptionalText, zText, zVersion } from './validation';

export const ZRole = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  dataScope: ZDataScope,
  viewSensitive: z.boolean(),
  permissions: ZPermissions,
  isSystem: z.boolean(),
  userCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TRole = z.infer<typeof ZRole>;

export const ZCreateRoleRequest = z.object({
  name: zText(50),
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,31}$/).nullish(),
  description: zOptionalText(200),
  dataScope: ZDataScope,
  viewSensitive: z.boolean().default(false),
  permissions: ZPermissions,
});
export type TCreateRoleRequest = z.infer<typeof ZCreateRoleRequest>;

export const ZUpdateRoleRequest = z.object({
  version: zVersion,
  name: zText(50).optional(),
  description: zOptionalText(200),
  dataScope: ZDataScope.optional(),
  viewSensitive: z.boolean().optional(),
  permissions: ZPermissions.optional(),
});
export type TUpdateRoleRequest = z.infer<typeof ZUpdateRoleRequest>;
