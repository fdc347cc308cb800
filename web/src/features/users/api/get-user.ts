import type { TUser } from '@guanxi/common/users';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usersQueryKey } from './get-users';

export const getUser = (id: string) => api.get<TUser>(`/users/${encodeURIComponent(id)}`);

export const getUserQueryOptions = (id: string) =>
  queryOptions({ queryKey: [...usersQueryKey, 'detail', id], queryFn: () => getUser(id), staleTime: 60_000 });

export function useUser(id: string | null | undefined) {
  return useQuery({ ...getUserQueryOptions(id ?? ''), enabled: Boolean(id) });
}
