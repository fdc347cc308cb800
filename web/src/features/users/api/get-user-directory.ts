import type { TPage } from '@guanxi/common/pagination';
import type { TUserDirectoryEntry } from '@guanxi/common/users';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usersQueryKey } from './get-users';

/** The colleague directory (every user of the tenant by name and department): pickers and names shown to anyone. */
export type DirectoryQuery = { page: number; pageSize: number; q?: string; ids?: string; departmentId?: string; active?: 'true' | 'false' };

export const getUserDirectory = (query: DirectoryQuery) => api.get<TPage<TUserDirectoryEntry>>('/users/directory', query);

export const getUserDirectoryQueryOptions = (query: DirectoryQuery) =>
  queryOptions({ queryKey: [...usersQueryKey, 'directory', query], queryFn: () => getUserDirectory(query), placeholderData: keepPreviousData, staleTime: 60_000 });

export function useUserDirectory(query: DirectoryQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getUserDirectoryQueryOptions(query), enabled });
}

/** One colleague by id from the directory (cached); undefined while loading or when there is none. */
export function useDirectoryEntry(id: string | null | undefined) {
  return useQuery({
    queryKey: [...usersQueryKey, 'directory-entry', id],
    queryFn: async () => (await getUserDirectory({ page: 1, pageSize: 1, ids: id! })).items[0] ?? null,
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}
