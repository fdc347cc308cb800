import type { TContact } from '@guanxi/common/contacts';
import type { TPage } from '@guanxi/common/pagination';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** A customer's contacts, to pick who a follow-up, task or interaction was with. */
export const getCustomerContacts = (customerId: string) => api.get<TPage<TContact>>('/contacts', { customerId, pageSize: 200 });

export const getCustomerContactsQueryOptions = (customerId: string | null) =>
  queryOptions({ queryKey: ['contacts', 'of-customer', customerId], queryFn: () => getCustomerContacts(customerId!), enabled: Boolean(customerId) });

export function useCustomerContacts(customerId: string | null) {
  return useQuery(getCustomerContactsQueryOptions(customerId));
}
