import { ATTACHMENT_EXTENSIONS, type TAttachment } from '@guanxi/common/attachments';
import type { TPage } from '@guanxi/common/pagination';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE } from '../../../lib/api-client';
import { followupsQueryKey } from './keys';

export const FOLLOWUP_ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');
export const followupAttachmentUrl = (id: string) => `${API_BASE}/attachments/${encodeURIComponent(id)}/download`;

export const getFollowupAttachments = (followupId: string) =>
  api.get<TPage<TAttachment>>(`/followups/${encodeURIComponent(followupId)}/attachments`, { pageSize: 50 });

export const getFollowupAttachmentsQueryOptions = (followupId: string) =>
  queryOptions({ queryKey: [...followupsQueryKey, 'attachments', followupId], queryFn: () => getFollowupAttachments(followupId) });

export function useFollowupAttachments(followupId: string) {
  return useQuery(getFollowupAttachmentsQueryOptions(followupId));
}

export const uploadFollowupAttachment = ({ followupId, file }: { followupId: string; file: File }) => {
  const body = new FormData();
  body.append('file', file, file.name);
  return api.upload<TAttachment>(`/followups/${encodeURIComponent(followupId)}/attachments`, body);
};

export function useUploadFollowupAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadFollowupAttachment,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: followupsQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}
