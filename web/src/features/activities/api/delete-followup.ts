import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

export const deleteFollowup = (id: string) => api.delete<{ ok: true }>(`/followups/${encodeURIComponent(id)}`);

export function useDeleteFollowup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteFollowup, onSuccess: () => invalidateActivities(queryClient) });
}
