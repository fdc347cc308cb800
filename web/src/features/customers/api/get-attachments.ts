import type { TAttachment } from '@guanxi/common/attachments';
import type { TPage } from '@guanxi/common/pagination';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { customersQueryKey } from './get-customers';

export const getAttachments = (customerId: string) =>
  api.get<TPage<TAttachment>>(`/customers/${encodeURIComponent(customerId)}/attachments`, { page: 1, pageSize: 200 });

export const getAttachmentsQueryOptions = (customerId: string) =>
  queryOptions({ queryKey: [...customersQueryKey, 'attachments', customerId], queryFn: () => getAttachments(customerId) });

export function useAttachments(customerId: string) {
  return useQuery(getAttachmentsQueryOptions(customerId));
}

/** The download URL (a plain link: the browser saves the file under its original name). */
export const attachmentDownloadUrl = (id: string) => `/api/v1/attachments/${encodeURIComponent(id)}/download`;
