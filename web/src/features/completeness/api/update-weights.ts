import type { TCompletenessWeights } from '@guanxi/common/completeness';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { weightsQueryKey, type Weights } from './get-weights';

export const updateWeights = (body: TCompletenessWeights) => apiRequest<Weights>('/settings/completeness', { method: 'PUT', body });

/** Saves the weights; every customer's score is recomputed in the background, so customer pages reload too. */
export function useUpdateWeights() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWeights,
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: weightsQueryKey }), queryClient.invalidateQueries({ queryKey: ['customers'] })]),
  });
}
