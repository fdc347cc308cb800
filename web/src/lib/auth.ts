import type { TMe } from '@guanxi/common/auth';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './api-client';
import { adoptUserLocale } from './i18n';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session. */
export async function getMe(): Promise<TMe | null> {
  try {
    const me = await api.get<TMe>('/auth/me', undefined, { expectUnauthenticated: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const getMeQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });

export function useMe() {
  return useQuery(getMeQueryOptions());
}

/** For pages inside the signed-in layout, which renders only once `me` is known. */
export function useSignedInMe(): TMe {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe used outside the signed-in layout');
  return data;
}

/** Stores a fresh `me` (after login, sign-up, profile edits) or clears it (logout, expired session). */
export function setMe(queryClient: QueryClient, me: TMe | null): void {
  setCsrfToken(me?.csrfToken ?? null);
  queryClient.setQueryData(meQueryKey, me);
  if (me) adoptUserLocale(me.user.locale);
}
