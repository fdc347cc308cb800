import type { TCustomer } from '@guanxi/common/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

/** Applies a follow-up's status suggestion to the customer (reads its current version first). */
export async function applyCustomerStatus({ customerId, status }: { customerId: string; status: string }) {
  const c = await api.get<TCustomer>(`/customers/${encodeURIComponent(customerId)}`);
  return api.patch<TCustomer>(`/customers/${encodeURIComponent(customerId)}`, { version: c.version, status });
}

export function useApplyCustomerStatus() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: applyCustomerStatus, onSuccess: () => invalidateActivities(queryClient) });
}
