import type { TPool } from '@guanxi/common/pools';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const poolsQueryKey = ['pools'] as const;

export const getPools = () => api.get<{ items: TPool[] }>('/pools').then((r) => r.items);

export const getPoolsQueryOptions = () => queryOptions({ queryKey: poolsQueryKey, queryFn: getPools });

/** The pools I belong to (all of them for administrators), with rules, members and customer counts. */
export function usePools({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getPoolsQueryOptions(), enabled });
}
