import type { TUpdateUserRequest, TUser } from '@guanxi/common/users';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateAfterUserChange } from './invalidate';

export const updateUser = ({ id, ...body }: TUpdateUserRequest & { id: string }) =>
  api.patch<TUser>(`/users/${encodeURIComponent(id)}`, body);

/** Reloads after failures too: a 409 VERSION_CONFLICT means our copy is stale. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateUser, onSettled: () => invalidateAfterUserChange(queryClient) });
}
