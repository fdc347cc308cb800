import type { TBulkResult } from '@guanxi/common/customers';
import type { TBulkTasksRequest } from '@guanxi/common/tasks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

export const bulkTasks = (body: TBulkTasksRequest) => api.post<TBulkResult>('/tasks/bulk', body);

export function useBulkTasks() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: bulkTasks, onSuccess: () => invalidateActivities(queryClient) });
}
