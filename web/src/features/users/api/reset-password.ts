import type { TResetPasswordRequest } from '@guanxi/common/users';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const resetPassword = ({ id, ...body }: TResetPasswordRequest & { id: string }) =>
  api.post<{ ok: true }>(`/users/${encodeURIComponent(id)}/reset-password`, body);

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
