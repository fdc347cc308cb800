import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Province → city → districts (official division data); it never changes while the app runs. */
export type Regions = Record<string, Record<string, string[]>>;

export const getRegions = () => api.get<Regions>('/regions');

export const getRegionsQueryOptions = () => queryOptions({ queryKey: ['regions'], queryFn: getRegions, staleTime: Infinity, gcTime: Infinity });

export function useRegions() {
  return useQuery(getRegionsQueryOptions());
}
