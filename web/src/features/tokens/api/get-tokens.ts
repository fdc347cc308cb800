import type { TApiToken } from '@guanxi/common/tokens';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const tokensQueryKey = ['tokens'] as const;

export const getTokens = async (): Promise<TApiToken[]> => (await api.get<{ items: TApiToken[] }>('/tokens')).items;

export const getTokensQueryOptions = () => queryOptions({ queryKey: tokensQueryKey, queryFn: getTokens });

export function useTokens() {
  return useQuery(getTokensQueryOptions());
}
