import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateContacts } from './invalidate';

export const deleteContact = (id: string) => api.delete<void>(`/contacts/${encodeURIComponent(id)}`);

export function useDeleteContact() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteContact, onSuccess: () => invalidateContacts(queryClient) });
}
