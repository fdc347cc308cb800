import type { TPage } from '@guanxi/common/pagination';
import type { TListTaskSeriesQuery, TTaskSeries } from '@guanxi/common/tasks';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { taskSeriesQueryKey } from './keys';

export const getTaskSeries = (query: Partial<TListTaskSeriesQuery>) => api.get<TPage<TTaskSeries>>('/task-series', query);

export const getTaskSeriesQueryOptions = (query: Partial<TListTaskSeriesQuery>) =>
  queryOptions({ queryKey: [...taskSeriesQueryKey, query], queryFn: () => getTaskSeries(query), placeholderData: keepPreviousData });

export function useTaskSeries(query: Partial<TListTaskSeriesQuery>) {
  return useQuery(getTaskSeriesQueryOptions(query));
}
