import type { QueryClient } from '@tanstack/react-query';
import { customersQueryKey } from './get-customers';

/**
 * After a customer changes: every customer list, detail, timeline and completeness, plus the tag usage counts and
 * the contacts lists (primary contact, customer names), whose keys belong to other features and are named here.
 */
export function invalidateCustomers(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: customersQueryKey }),
    queryClient.invalidateQueries({ queryKey: ['tags'] }),
    queryClient.invalidateQueries({ queryKey: ['contacts'] }),
    queryClient.invalidateQueries({ queryKey: ['audit'] }),
    queryClient.invalidateQueries({ queryKey: ['pools'] }),
  ]);
}
