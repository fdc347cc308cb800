import type { TCreateTaskRequest, TTask } from '@guanxi/common/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

export const createTask = (body: TCreateTaskRequest) => api.post<TTask>('/tasks', body);

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createTask, onSuccess: () => invalidateActivities(queryClient) });
}
