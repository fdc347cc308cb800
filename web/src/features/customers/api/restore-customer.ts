import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateCustomers } from './invalidate';

export const restoreCustomer = (id: string) => api.post<unknown>(`/customers/${encodeURIComponent(id)}/restore`);

export function useRestoreCustomer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: restoreCustomer, onSuccess: () => invalidateCustomers(queryClient) });
}
