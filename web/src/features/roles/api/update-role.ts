import type { TRole, TUpdateRoleRequest } from '@guanxi/common/roles';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/auth';
import { rolesQueryKey } from './get-roles';

export const updateRole = ({ id, ...body }: TUpdateRoleRequest & { id: string }) =>
  api.patch<TRole>(`/roles/${encodeURIComponent(id)}`, body);

/** Reloads after failures too (a 409 means our copy is stale), and `me`, whose own role may have changed. */
export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRole,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: rolesQueryKey }),
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]),
  });
}
