import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

export const deleteInteraction = (id: string) => api.delete<{ ok: true }>(`/interactions/${encodeURIComponent(id)}`);

export function useDeleteInteraction() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteInteraction, onSuccess: () => invalidateActivities(queryClient) });
}
