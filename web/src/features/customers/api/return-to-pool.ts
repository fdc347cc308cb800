import type { TReturnRequest } from '@guanxi/common/pools';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateCustomers } from './invalidate';

export const returnToPool = ({ id, ...body }: TReturnRequest & { id: string }) =>
  api.post<unknown>(`/customers/${encodeURIComponent(id)}/return-to-pool`, body);

export function useReturnToPool() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: returnToPool, onSuccess: () => invalidateCustomers(queryClient) });
}
