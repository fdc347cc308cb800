import type { TCreateViewRequest, TSavedView } from '@guanxi/common/views';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { viewsQueryKey } from './get-views';

export const createView = (body: TCreateViewRequest) => api.post<TSavedView>('/views', body);

export function useCreateView() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createView, onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsQueryKey }) });
}
