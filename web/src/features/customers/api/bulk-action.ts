import type { TBulkRequest, TBulkResult } from '@guanxi/common/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateCustomers } from './invalidate';

/** Tag, untag, transfer or delete many customers: each one is done or untouched, failures come back per row. */
export const bulkAction = (body: TBulkRequest) => api.post<TBulkResult>('/customers/bulk-actions', body);

export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: bulkAction, onSettled: () => invalidateCustomers(queryClient) });
}
