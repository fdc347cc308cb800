import type { TContact } from '@guanxi/common/contacts';
import type { TPage } from '@guanxi/common/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type ContactsQuery = { page: number; pageSize: number; q?: string; customerId?: string; mobile?: string; sort?: string };

export const contactsQueryKey = ['contacts'] as const;

export const getContacts = (query: ContactsQuery) => api.get<TPage<TContact>>('/contacts', query);

export const getContactsQueryOptions = (query: ContactsQuery) =>
  queryOptions({ queryKey: [...contactsQueryKey, 'list', query], queryFn: () => getContacts(query), placeholderData: keepPreviousData });

export function useContacts(query: ContactsQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getContactsQueryOptions(query), enabled });
}
