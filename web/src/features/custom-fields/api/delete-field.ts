import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { customFieldsQueryKey } from '../../../lib/custom-fields';

export const deleteField = (id: string) => api.delete<void>(`/fields/${encodeURIComponent(id)}`);

export function useDeleteField() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteField, onSuccess: () => queryClient.invalidateQueries({ queryKey: customFieldsQueryKey }) });
}
