import type { TCustomer } from '@guanxi/common/customers';
import type { TDuplicateGroup, TInvalidContact } from '@guanxi/common/data-quality';
import type { TCappedPage, TPage } from '@guanxi/common/pagination';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dataQualityKey } from './get-data-quality';

type Paging = { page: number; pageSize: number };

export function useDuplicateGroups(q: Paging) {
  return useQuery({ queryKey: [...dataQualityKey, 'duplicates', q], queryFn: () => api.get<TPage<TDuplicateGroup>>('/data-quality/duplicates', q), placeholderData: keepPreviousData });
}

export function useIncomplete(q: Paging & { below: number }) {
  return useQuery({ queryKey: [...dataQualityKey, 'incomplete', q], queryFn: () => api.get<TCappedPage<TCustomer>>('/data-quality/incomplete', q), placeholderData: keepPreviousData });
}

export function useInvalidContacts(q: Paging & { kind: TInvalidContact['kind'] }) {
  return useQuery({ queryKey: [...dataQualityKey, 'invalid', q], queryFn: () => api.get<TPage<TInvalidContact>>('/data-quality/invalid', q), placeholderData: keepPreviousData });
}
