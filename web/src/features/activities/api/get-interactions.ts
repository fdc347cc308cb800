import type { TInteraction, TListInteractionsQuery } from '@guanxi/common/interactions';
import type { TPage } from '@guanxi/common/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { interactionsQueryKey } from './keys';

export type InteractionsQuery = Partial<TListInteractionsQuery>;

export const getInteractions = (query: InteractionsQuery) => api.get<TPage<TInteraction>>('/interactions', query);

export const getInteractionsQueryOptions = (query: InteractionsQuery) =>
  queryOptions({ queryKey: [...interactionsQueryKey, query], queryFn: () => getInteractions(query), placeholderData: keepPreviousData });

export function useInteractions(query: InteractionsQuery) {
  return useQuery(getInteractionsQueryOptions(query));
}
