import type { TCustomer } from '@guanxi/common/customers';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { customersQueryKey } from './get-customers';

export const getCustomer = (id: string) => api.get<TCustomer>(`/customers/${encodeURIComponent(id)}`);

export const getCustomerQueryOptions = (id: string) =>
  queryOptions({ queryKey: [...customersQueryKey, 'detail', id], queryFn: () => getCustomer(id) });

export function useCustomer(id: string | null | undefined) {
  return useQuery({ ...getCustomerQueryOptions(id ?? ''), enabled: Boolean(id) });
}
