import type { TRole } from '@guanxi/common/roles';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const rolesQueryKey = ['roles'] as const;

export const getRoles = async (): Promise<TRole[]> => (await api.get<{ items: TRole[] }>('/roles')).items;

export const getRolesQueryOptions = () => queryOptions({ queryKey: rolesQueryKey, queryFn: getRoles });

export function useRoles({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getRolesQueryOptions(), enabled });
}
