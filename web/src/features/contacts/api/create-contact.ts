import type { TContact, TCreateContactRequest } from '@guanxi/common/contacts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateContacts } from './invalidate';

export const createContact = (body: TCreateContactRequest) => api.post<TContact>('/contacts', body);

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createContact, onSuccess: () => invalidateContacts(queryClient) });
}
