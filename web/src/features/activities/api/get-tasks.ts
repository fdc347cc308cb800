import type { TPage } from '@guanxi/common/pagination';
import type { TListTasksQuery, TTask } from '@guanxi/common/tasks';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { tasksQueryKey } from './keys';

export type TasksQuery = Partial<TListTasksQuery>;

export const getTasks = (query: TasksQuery) => api.get<TPage<TTask>>('/tasks', query);

export const getTasksQueryOptions = (query: TasksQuery) =>
  queryOptions({ queryKey: [...tasksQueryKey, query], queryFn: () => getTasks(query), placeholderData: keepPreviousData });

export function useTasks(query: TasksQuery) {
  return useQuery(getTasksQueryOptions(query));
}
