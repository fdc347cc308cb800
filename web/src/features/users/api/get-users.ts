import type { TPage } from '@guanxi/common/pagination';
import type { TUser } from '@guanxi/common/users';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type UsersQuery = {
  page: number;
  pageSize: number;
  q?: string;
  departmentId?: string;
  roleId?: string;
  active?: 'true' | 'false';
  sort?: string;
};

export const usersQueryKey = ['users'] as const;

export const getUsers = (query: UsersQuery) => api.get<TPage<TUser>>('/users', query);

export const getUsersQueryOptions = (query: UsersQuery) =>
  queryOptions({ queryKey: [...usersQueryKey, 'list', query], queryFn: () => getUsers(query), placeholderData: keepPreviousData });

export function useUsers(query: UsersQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getUsersQueryOptions(query), enabled });
}
