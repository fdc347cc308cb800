import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { viewsQueryKey } from './get-views';

export const deleteView = (id: string) => api.delete<void>(`/views/${encodeURIComponent(id)}`);

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteView, onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsQueryKey }) });
}
