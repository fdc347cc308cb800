import type { TImport } from '@guanxi/common/imports';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { importsQueryKey } from './get-imports';

export const getImport = (id: string) => api.get<TImport>(`/imports/${encodeURIComponent(id)}`);

/** One import, polled every second while it is queued or running (the progress bar). */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: [...importsQueryKey, 'detail', id],
    queryFn: () => getImport(id!),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1000 : false),
  });
}
