import type { TCreateDictionaryEntryRequest, TDictionaryEntry } from '@guanxi/common/dictionaries';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dictionariesQueryKey } from '../../../lib/dictionaries';

export const createEntry = (body: TCreateDictionaryEntryRequest) => api.post<TDictionaryEntry>('/dictionaries', body);

export function useCreateEntry() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createEntry, onSuccess: () => queryClient.invalidateQueries({ queryKey: dictionariesQueryKey }) });
}
