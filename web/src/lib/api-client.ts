import { ZErrorEnvelope, type ErrorCode, type TErrorDetail } from '@guanxi/common/errors';
import { currentLocale, i18next } from './i18n';

export const API_BASE = '/api/v1';

/** An error answer of the API, carrying its error envelope (code, localized message, field details). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details: TErrorDetail[] = [],
  ) {
    super(message);
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

/** The session's CSRF token, sent back as X-CSRF-Token on every unsafe request (set from /auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the session has ended (401 on an authenticated call): the app shows the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryParams = Record<string, string | number | boolean | null | undefined>;
type RequestOptions = {
  method?: Method;
  body?: unknown;
  /** A multipart body (file uploads): sent as is, the browser sets its Content-Type with the boundary. */
  form?: FormData;
  query?: QueryParams;
  /** 401 is an expected answer here (login, the "who am I" probe): do not treat it as an ended session. */
  expectUnauthenticated?: boolean;
};

function toUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const envelope = ZErrorEnvelope.safeParse(body);
  if (envelope.success) {
    const { code, message, details } = envelope.data.error;
    return new ApiError(res.status, code, message, details ?? []);
  }
  return new ApiError(res.status, 'INTERNAL', i18next.t('errors.unexpected', { status: res.status }));
}

/** Calls the JSON API; resolves with the parsed body, rejects with an ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (options.body !== undefined && !options.form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(toUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18next.t('errors.network'));
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !options.expectUnauthenticated) onUnauthenticated();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, opts?: Pick<RequestOptions, 'expectUnauthenticated'>) =>
    apiRequest<T>(path, { query, ...opts }),
  post: <T>(path: string, body?: unknown, opts?: Pick<RequestOptions, 'expectUnauthenticated'>) =>
    apiRequest<T>(path, { method: 'POST', body: body ?? {}, ...opts }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
  upload: <T>(path: string, form: FormData) => apiRequest<T>(path, { method: 'POST', form }),
};
