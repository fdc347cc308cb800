import type { TCustomer, TTransferRequest } from '@guanxi/common/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateCustomers } from './invalidate';

export const transferCustomer = ({ id, ...body }: TTransferRequest & { id: string }) =>
  api.post<TCustomer>(`/customers/${encodeURIComponent(id)}/transfer`, body);

export function useTransferCustomer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: transferCustomer, onSuccess: () => invalidateCustomers(queryClient) });
}
