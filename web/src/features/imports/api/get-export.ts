import type { TExport } from '@guanxi/common/imports';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const getExport = (id: string) => api.get<TExport>(`/exports/${encodeURIComponent(id)}`);

/** One export, polled while it is being written. */
export function useExport(id: string | null) {
  return useQuery({
    queryKey: ['exports', 'detail', id],
    queryFn: () => getExport(id!),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1000 : false),
  });
}

export const exportDownloadUrl = (id: string) => `/api/v1/exports/${encodeURIComponent(id)}/download`;
