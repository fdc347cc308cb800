import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { customersQueryKey } from './get-customers';

export const deleteAttachment = (id: string) => api.delete<void>(`/attachments/${encodeURIComponent(id)}`);

export function useDeleteAttachment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteAttachment, onSuccess: () => queryClient.invalidateQueries({ queryKey: customersQueryKey }) });
}
