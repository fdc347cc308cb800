import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateCustomers } from './invalidate';

/** Deletes a customer in the recycle bin for good (admins). */
export const purgeCustomer = (id: string) => api.post<unknown>(`/customers/${encodeURIComponent(id)}/purge`);

export function usePurgeCustomer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: purgeCustomer, onSuccess: () => invalidateCustomers(queryClient) });
}
