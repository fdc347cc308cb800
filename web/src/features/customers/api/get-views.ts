import type { TSavedView } from '@guanxi/common/views';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const viewsQueryKey = ['views', 'customers'] as const;

export const getViews = () => api.get<{ items: TSavedView[] }>('/views', { entity: 'customers' }).then((r) => r.items);

export const getViewsQueryOptions = () => queryOptions({ queryKey: viewsQueryKey, queryFn: getViews, staleTime: 60_000 });

/** The caller's own saved views of the customers list and those shared in the company. */
export function useViews() {
  return useQuery(getViewsQueryOptions());
}
