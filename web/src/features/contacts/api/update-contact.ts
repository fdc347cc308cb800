import type { TContact, TUpdateContactRequest } from '@guanxi/common/contacts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateContacts } from './invalidate';

/** Edits a contact; `isPrimary: true` makes it the customer's primary contact. */
export const updateContact = ({ id, ...body }: TUpdateContactRequest & { id: string }) =>
  api.patch<TContact>(`/contacts/${encodeURIComponent(id)}`, body);

export function useUpdateContact() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateContact, onSettled: () => invalidateContacts(queryClient) });
}
