import type { TAttachment } from '@guanxi/common/attachments';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { customersQueryKey } from './get-customers';

export const uploadAttachment = ({ customerId, file }: { customerId: string; file: File }) => {
  const body = new FormData();
  body.append('file', file, file.name);
  return api.upload<TAttachment>(`/customers/${encodeURIComponent(customerId)}/attachments`, body);
};

export function useUploadAttachment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: uploadAttachment, onSuccess: () => queryClient.invalidateQueries({ queryKey: customersQueryKey }) });
}
