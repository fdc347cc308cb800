import { z } from 'zod';

export const ZTag = z.object({
  id: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  color: z.string().nullable(),
  usage: z.number().int(),
});
export type TTag = z.infer<typeof ZTag>;

export const ZCreateTagRequest = z.object({
  name: z.string().trim().min(1).max(30),
  group: z.string().trim().max(30).nullish(),
  color: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/).nullish(),
});
export type TCreateTagRequest = z.infer<typeof ZCreateTagRequest>;

export const ZUpdateTagRequest = ZCreateTagRequest.partial();
export type TUpdateTagRequest = z.infer<typeof ZUpdateTagRequest>;
