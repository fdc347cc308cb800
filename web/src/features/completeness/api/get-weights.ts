import type { CompletenessField } from '@guanxi/common/completeness';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type Weights = { weights: Record<CompletenessField, number>; version: number };

export const weightsQueryKey = ['settings', 'completeness'] as const;

export const getWeights = () => api.get<Weights>('/settings/completeness');

export const getWeightsQueryOptions = () => queryOptions({ queryKey: weightsQueryKey, queryFn: getWeights });

export function useWeights() {
  return useQuery(getWeightsQueryOptions());
}
