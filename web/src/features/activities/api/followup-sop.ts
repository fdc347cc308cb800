import type { TFollowupSopSettings, TUpdateFollowupSopRequest } from '@guanxi/common/followup-sop';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../../lib/api-client';

const sopQueryKey = ['followup-sop'] as const;

export const getFollowupSop = () => api.get<TFollowupSopSettings>('/followup-sop');

export const getFollowupSopQueryOptions = () => queryOptions({ queryKey: sopQueryKey, queryFn: getFollowupSop });

export function useFollowupSop() {
  return useQuery(getFollowupSopQueryOptions());
}

export const saveFollowupSop = (body: TUpdateFollowupSopRequest) => apiRequest<TFollowupSopSettings>('/followup-sop', { method: 'PUT', body });

export function useSaveFollowupSop() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveFollowupSop, onSuccess: (data) => queryClient.setQueryData(sopQueryKey, data) });
}
