import type { TCreateUserRequest, TUser } from '@guanxi/common/users';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateAfterUserChange } from './invalidate';

export const createUser = (body: TCreateUserRequest) => api.post<TUser>('/users', body);

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => invalidateAfterUserChange(queryClient) });
}
