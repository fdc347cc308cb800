import type { TSavedView, TUpdateViewRequest } from '@guanxi/common/views';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { viewsQueryKey } from './get-views';

export const updateView = ({ id, ...body }: TUpdateViewRequest & { id: string }) => api.patch<TSavedView>(`/views/${encodeURIComponent(id)}`, body);

export function useUpdateView() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateView, onSettled: () => queryClient.invalidateQueries({ queryKey: viewsQueryKey }) });
}
