import type { TCreateInteractionRequest, TInteraction } from '@guanxi/common/interactions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

export const createInteraction = (body: TCreateInteractionRequest) => api.post<TInteraction>('/interactions', body);

export function useCreateInteraction() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createInteraction, onSuccess: () => invalidateActivities(queryClient) });
}
