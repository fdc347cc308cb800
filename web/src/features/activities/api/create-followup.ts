import type { TCreateFollowupRequest, TFollowup } from '@guanxi/common/followups';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

export const createFollowup = (body: TCreateFollowupRequest) => api.post<TFollowup>('/followups', body);

export function useCreateFollowup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createFollowup, onSuccess: () => invalidateActivities(queryClient) });
}
