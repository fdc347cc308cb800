import type { QueryClient } from '@tanstack/react-query';
import { poolsQueryKey } from './get-pools';

/** After claiming, assigning or editing: the pools (counts) and every customer list (the customers feature's key). */
export function invalidatePools(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([queryClient.invalidateQueries({ queryKey: poolsQueryKey }), queryClient.invalidateQueries({ queryKey: ['customers'] })]);
}
