import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { tokensQueryKey } from './get-tokens';

export const revokeToken = (id: string) => api.delete<{ ok: true }>(`/tokens/${encodeURIComponent(id)}`);

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeToken, onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }) });
}
