import type { TCustomer } from '@guanxi/common/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dataQualityKey } from './get-data-quality';

/** Merges every other customer of a duplicate group into the first, one at a time (each merge needs the current version). */
export async function mergeGroup({ keepId, otherIds }: { keepId: string; otherIds: string[] }) {
  for (const sourceId of otherIds) {
    const keep = await api.get<TCustomer>(`/customers/${encodeURIComponent(keepId)}`);
    await api.post(`/customers/${encodeURIComponent(keepId)}/merge`, { sourceId, version: keep.version });
  }
}

export function useMergeGroup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: mergeGroup, onSuccess: () => queryClient.invalidateQueries({ queryKey: dataQualityKey }) });
}
