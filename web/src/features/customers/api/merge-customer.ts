import type { TMergeCustomersRequest, TMergeCustomersResult } from '@guanxi/common/customer-merge';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateCustomers } from './invalidate';

/** Merges `sourceId` INTO the customer `id` (send the target's version); the source goes to the recycle bin. */
export const mergeCustomer = ({ id, ...body }: TMergeCustomersRequest & { id: string }) =>
  api.post<TMergeCustomersResult>(`/customers/${encodeURIComponent(id)}/merge`, body);

export function useMergeCustomer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: mergeCustomer, onSettled: () => invalidateCustomers(queryClient) });
}
