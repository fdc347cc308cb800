import { z } from 'zod';
import { zText } from './validation';

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZCreateApiTokenRequest = z.object({
  name: zText(100),
  expiresAt: z.iso.datetime({ offset: true }).nullish(),
});
export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;

/** The secret is shown once, at creation; only its hash is stored. */
export const ZCreatedApiToken = ZApiToken.extend({ token: z.string() });
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;
