import type { TCreateTaskSeriesRequest, TTaskSeries } from '@guanxi/common/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

export const createTaskSeries = (body: TCreateTaskSeriesRequest) => api.post<TTaskSeries>('/task-series', body);

export function useCreateTaskSeries() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createTaskSeries, onSuccess: () => invalidateActivities(queryClient) });
}
