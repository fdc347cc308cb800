import type { TCustomer, TUpdateCustomerRequest } from '@guanxi/common/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateCustomers } from './invalidate';

export const updateCustomer = ({ id, ...body }: TUpdateCustomerRequest & { id: string }) =>
  api.patch<TCustomer>(`/customers/${encodeURIComponent(id)}`, body);

/** Reloads after failures too: a 409 VERSION_CONFLICT means our copy is stale. */
export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateCustomer, onSettled: () => invalidateCustomers(queryClient) });
}
