import type { TCreateCustomerRequest, TCustomer } from '@guanxi/common/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateCustomers } from './invalidate';

export const createCustomer = (body: TCreateCustomerRequest) => api.post<TCustomer>('/customers', body);

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCustomer, onSuccess: () => invalidateCustomers(queryClient) });
}
