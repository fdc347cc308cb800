import { z } from 'zod';
import { zId, zText, zVersion } from './validation';

export const ZDepartment = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  headId: z.string().nullable(),
  sort: z.number().int(),
  memberCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TDepartment = z.infer<typeof ZDepartment>;

export const ZCreateDepartmentRequest = z.object({
  name: zText(50),
  parentId: zId.nullish(),
  headId: zId.nullish(),
  sort: z.number().int().min(0).max(9999).optional(),
});
export type TCreateDepartmentRequest = z.infer<typeof ZCreateDepartmentRequest>;

export const ZUpdateDepartmentRequest = z.object({
  version: zVersion,
  name: zText(50).optional(),
  parentId: zId.nullish(),
  headId: zId.nullish(),
  sort: z.number().int().min(0).max(9999).optional(),
});
export type TUpdateDepartmentRequest = z.infer<typeof ZUpdateDepartmentRequest>;
