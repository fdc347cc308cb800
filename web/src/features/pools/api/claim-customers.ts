import type { TBulkResult } from '@guanxi/common/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidatePools } from './invalidate';

/** Claims within the daily cap, holding limit and cooldown; each customer is claimed or listed in `failed`. */
export const claimCustomers = ({ poolId, ids }: { poolId: string; ids: string[] }) =>
  api.post<TBulkResult>(`/pools/${encodeURIComponent(poolId)}/claim`, { ids });

export function useClaimCustomers() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: claimCustomers, onSettled: () => invalidatePools(queryClient) });
}
