import type { TTimelineEvent } from '@guanxi/common/customers';
import type { TPage } from '@guanxi/common/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { customersQueryKey } from './get-customers';

export type TimelineQuery = { page: number; pageSize: number; types?: string };

export const getTimeline = (id: string, query: TimelineQuery) =>
  api.get<TPage<TTimelineEvent>>(`/customers/${encodeURIComponent(id)}/timeline`, query);

export const getTimelineQueryOptions = (id: string, query: TimelineQuery) =>
  queryOptions({ queryKey: [...customersQueryKey, 'timeline', id, query], queryFn: () => getTimeline(id, query), placeholderData: keepPreviousData });

export function useTimeline(id: string, query: TimelineQuery) {
  return useQuery(getTimelineQueryOptions(id, query));
}
