import type { QueryClient } from '@tanstack/react-query';
import { contactsQueryKey } from './get-contacts';

/**
 * After a contact changes: contact lists, and the customer pages that show the primary contact, completeness and
 * timeline (the customers feature's key, named here rather than imported).
 */
export function invalidateContacts(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: contactsQueryKey }),
    queryClient.invalidateQueries({ queryKey: ['customers'] }),
    queryClient.invalidateQueries({ queryKey: ['audit'] }),
  ]);
}
