import type { TPool, TUpdatePoolRequest } from '@guanxi/common/pools';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidatePools } from './invalidate';

export const updatePool = ({ id, ...body }: TUpdatePoolRequest & { id: string }) => api.patch<TPool>(`/pools/${encodeURIComponent(id)}`, body);

export function useUpdatePool() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updatePool, onSettled: () => invalidatePools(queryClient) });
}
