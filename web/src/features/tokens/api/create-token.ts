import type { TCreateApiTokenRequest, TCreatedApiToken } from '@guanxi/common/tokens';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { tokensQueryKey } from './get-tokens';

export const createToken = (body: TCreateApiTokenRequest) => api.post<TCreatedApiToken>('/tokens', body);

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createToken, onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }) });
}
