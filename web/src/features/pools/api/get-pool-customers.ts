import type { TCustomer } from '@guanxi/common/customers';
import type { TPage } from '@guanxi/common/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type PoolCustomersQuery = { poolId: string; page: number; pageSize: number; q?: string; sort?: string };

/** Under the customers key: claiming or assigning changes the customer lists too. */
export const poolCustomersQueryKey = ['customers', 'pool'] as const;

export const getPoolCustomers = (query: PoolCustomersQuery) => api.get<TPage<TCustomer>>('/customers', query);

export const getPoolCustomersQueryOptions = (query: PoolCustomersQuery) =>
  queryOptions({ queryKey: [...poolCustomersQueryKey, query], queryFn: () => getPoolCustomers(query), placeholderData: keepPreviousData });

export function usePoolCustomers(query: PoolCustomersQuery) {
  return useQuery(getPoolCustomersQueryOptions(query));
}
