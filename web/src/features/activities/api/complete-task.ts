import type { TTask } from '@guanxi/common/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

/** Marks an open task done in one step (no version needed). */
export const completeTask = (id: string) => api.post<TTask>(`/tasks/${encodeURIComponent(id)}/complete`);

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: completeTask, onSuccess: () => invalidateActivities(queryClient) });
}
