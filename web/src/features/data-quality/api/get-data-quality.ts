import type { TDataQualitySummary } from '@guanxi/common/data-quality';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../../lib/api-client';

export const dataQualityKey = ['data-quality'] as const;

export const getDataQuality = () => api.get<TDataQualitySummary>('/data-quality');

/** The centre's summary, polled while a scan runs; when a scan finishes, the finding lists are read again. */
export function useDataQuality() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [...dataQualityKey, 'summary'],
    queryFn: getDataQuality,
    refetchInterval: (q) => (q.state.data?.run?.status === 'running' ? 1500 : false),
  });
  const status = query.data?.run?.status;
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === 'running' && status !== 'running') {
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === dataQualityKey[0] && q.queryKey[1] !== 'summary' });
    }
    previous.current = status;
  }, [status, queryClient]);
  return query;
}
