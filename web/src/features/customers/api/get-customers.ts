import type { TCustomer } from '@guanxi/common/customers';
import type { TPage } from '@guanxi/common/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type CustomersQuery = {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  /** JSON condition tree (the API takes it URL-encoded; URLSearchParams does that). */
  filter?: string;
  ownerId?: string;
  status?: string;
  deleted?: 'true';
  poolId?: string;
};

export const customersQueryKey = ['customers'] as const;

export const getCustomers = (query: CustomersQuery) => api.get<TPage<TCustomer>>('/customers', query);

export const getCustomersQueryOptions = (query: CustomersQuery) =>
  queryOptions({ queryKey: [...customersQueryKey, 'list', query], queryFn: () => getCustomers(query), placeholderData: keepPreviousData });

export function useCustomers(query: CustomersQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getCustomersQueryOptions(query), enabled });
}
