import type { TDataQualitySummary } from '@guanxi/common/data-quality';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dataQualityKey } from './get-data-quality';

export const scanDataQuality = () => api.post<TDataQualitySummary>('/data-quality/scan');

export function useScanDataQuality() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: scanDataQuality, onSuccess: () => queryClient.invalidateQueries({ queryKey: dataQualityKey }) });
}
