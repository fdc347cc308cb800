import type { TChangePasswordRequest } from '@guanxi/common/auth';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const changePassword = (body: TChangePasswordRequest) => api.post<{ ok: true }>('/auth/password', body);

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
