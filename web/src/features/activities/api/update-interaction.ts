import type { TInteraction, TUpdateInteractionRequest } from '@guanxi/common/interactions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './keys';

export const updateInteraction = ({ id, ...body }: TUpdateInteractionRequest & { id: string }) =>
  api.patch<TInteraction>(`/interactions/${encodeURIComponent(id)}`, body);

export function useUpdateInteraction() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateInteraction, onSuccess: () => invalidateActivities(queryClient) });
}
