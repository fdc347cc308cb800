import type { TDuplicateMatch, TDuplicateQuery } from '@guanxi/common/customers';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { customersQueryKey } from './get-customers';

export const getDuplicates = (query: TDuplicateQuery) => api.get<{ items: TDuplicateMatch[] }>('/customers/duplicates', query).then((r) => r.items);

export const getDuplicatesQueryOptions = (query: TDuplicateQuery) =>
  queryOptions({ queryKey: [...customersQueryKey, 'duplicates', query], queryFn: () => getDuplicates(query), staleTime: 10_000 });

/** Matches for what is being typed; asks only once there is something worth checking. */
export function useDuplicates(query: TDuplicateQuery) {
  const enabled = Boolean((query.name && query.name.length >= 2) || query.mobile || query.email);
  return useQuery({ ...getDuplicatesQueryOptions(query), enabled });
}
