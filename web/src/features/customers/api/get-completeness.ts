import type { CompletenessField } from '@guanxi/common/completeness';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { customersQueryKey } from './get-customers';

export type Completeness = { score: number; missing: CompletenessField[] };

export const getCompleteness = (id: string) => api.get<Completeness>(`/customers/${encodeURIComponent(id)}/completeness`);

export const getCompletenessQueryOptions = (id: string) =>
  queryOptions({ queryKey: [...customersQueryKey, 'completeness', id], queryFn: () => getCompleteness(id) });

export function useCompleteness(id: string) {
  return useQuery(getCompletenessQueryOptions(id));
}
