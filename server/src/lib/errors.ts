import type { ErrorCode, TErrorDetail } from '@guanxi/common/errors';

/** Rule-level detail before translation: the route's error handler turns `rule` into the user's language. */
export type RuleDetail = { field: string; rule: string; params?: Record<string, string | number>; data?: unknown };

/**
 * The one error type services throw. Only app.ts maps it to HTTP.
 * @example throw new AppError('NOT_FOUND')
 * @example throw AppError.invalid('email', 'email_taken')
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Array<RuleDetail | TErrorDetail> = [],
  ) {
    super(code);
    this.name = 'AppError';
  }

  static invalid(field: string, rule: string, params?: Record<string, string | number>): AppError {
    return new AppError('VALIDATION_FAILED', [{ field, rule, ...(params ? { params } : {}) }]);
  }

  static unprocessable(field: string, rule: string): AppError {
    return new AppError('UNPROCESSABLE', [{ field, rule }]);
  }
}

export const HTTP_STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
};
