import type { TDictionaryEntry, TUpdateDictionaryEntryRequest } from '@guanxi/common/dictionaries';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dictionariesQueryKey } from '../../../lib/dictionaries';

export const updateEntry = ({ id, ...body }: TUpdateDictionaryEntryRequest & { id: string }) =>
  api.patch<TDictionaryEntry>(`/dictionaries/${encodeURIComponent(id)}`, body);

export function useUpdateEntry() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateEntry, onSettled: () => queryClient.invalidateQueries({ queryKey: dictionariesQueryKey }) });
}
