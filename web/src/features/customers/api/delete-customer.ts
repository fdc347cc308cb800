import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateCustomers } from './invalidate';

/** Moves the customer to the recycle bin. */
export const deleteCustomer = (id: string) => api.delete<void>(`/customers/${encodeURIComponent(id)}`);

export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteCustomer, onSuccess: () => invalidateCustomers(queryClient) });
}
