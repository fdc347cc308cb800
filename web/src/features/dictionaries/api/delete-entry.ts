import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dictionariesQueryKey } from '../../../lib/dictionaries';

export const deleteEntry = (id: string) => api.delete<void>(`/dictionaries/${encodeURIComponent(id)}`);

export function useDeleteEntry() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteEntry, onSuccess: () => queryClient.invalidateQueries({ queryKey: dictionariesQueryKey }) });
}
