import { z } from 'zod';

/** The closed catalogue of error codes. HTTP statuses are assigned in one place on the server. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'CONFLICT',
  'DUPLICATE',
  'PAYLOAD_TOO_LARGE',
  'UNPROCESSABLE',
  'TOO_MANY_ATTEMPTS',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ZErrorDetail = z.object({
  field: z.string(),
  rule: z.string().optional(),
  message: z.string(),
  /** Extra facts about the problem, e.g. the matching record of a DUPLICATE. */
  data: z.unknown().optional(),
});
export type TErrorDetail = z.infer<typeof ZErrorDetail>;

export const ZErrorEnvelope = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(ZErrorDetail).optional(),
  }),
});
export type TErrorEnvelope = z.infer<typeof ZErrorEnvelope>;
