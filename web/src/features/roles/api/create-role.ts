import type { TCreateRoleRequest, TRole } from '@guanxi/common/roles';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { rolesQueryKey } from './get-roles';

export const createRole = (body: TCreateRoleRequest) => api.post<TRole>('/roles', body);

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createRole, onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesQueryKey }) });
}
