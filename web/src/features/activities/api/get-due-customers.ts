import type { TDueCustomer, TDueCustomersQuery } from '@guanxi/common/followup-sop';
import type { TPage } from '@guanxi/common/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Keyed under 'tasks' so any task or follow-up change refreshes it. */
export const getDueCustomers = (query: Partial<TDueCustomersQuery>) => api.get<TPage<TDueCustomer>>('/followup-sop/due-customers', query);

export const getDueCustomersQueryOptions = (query: Partial<TDueCustomersQuery>) =>
  queryOptions({ queryKey: ['tasks', 'due-customers', query], queryFn: () => getDueCustomers(query), placeholderData: keepPreviousData });

export function useDueCustomers(query: Partial<TDueCustomersQuery>) {
  return useQuery(getDueCustomersQueryOptions(query));
}
