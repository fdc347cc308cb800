import type { TTaskSeries, TUpdateTaskSeriesRequest } from '@guanxi/common/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

export const updateTaskSeries = ({ id, ...body }: TUpdateTaskSeriesRequest & { id: string }) =>
  api.patch<TTaskSeries>(`/task-series/${encodeURIComponent(id)}`, body);

export function useUpdateTaskSeries() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateTaskSeries, onSuccess: () => invalidateActivities(queryClient) });
}
