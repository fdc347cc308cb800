import type { TTask, TUpdateTaskRequest } from '@guanxi/common/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

export const updateTask = ({ id, ...body }: TUpdateTaskRequest & { id: string }) => api.patch<TTask>(`/tasks/${encodeURIComponent(id)}`, body);

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateTask, onSuccess: () => invalidateActivities(queryClient) });
}
