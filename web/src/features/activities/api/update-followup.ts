import type { TFollowup, TUpdateFollowupRequest } from '@guanxi/common/followups';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

export const updateFollowup = ({ id, ...body }: TUpdateFollowupRequest & { id: string }) => api.patch<TFollowup>(`/followups/${encodeURIComponent(id)}`, body);

export function useUpdateFollowup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateFollowup, onSuccess: () => invalidateActivities(queryClient) });
}
