import type { TBulkResult } from '@guanxi/common/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidatePools } from './invalidate';

/** Pool admins hand pool customers to a user (no caps). */
export const assignCustomers = ({ poolId, ids, ownerId }: { poolId: string; ids: string[]; ownerId: string }) =>
  api.post<TBulkResult>(`/pools/${encodeURIComponent(poolId)}/assign`, { ids, ownerId });

export function useAssignCustomers() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: assignCustomers, onSettled: () => invalidatePools(queryClient) });
}
