import type { TEmailOutboxSummary } from '@guanxi/common/jobs';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { jobsQueryKey } from './get-jobs';

export const getEmailOutbox = () => api.get<TEmailOutboxSummary>('/jobs/email-outbox');

export const getEmailOutboxQueryOptions = () => queryOptions({ queryKey: [...jobsQueryKey, 'email-outbox'], queryFn: getEmailOutbox });

export function useEmailOutbox() {
  return useQuery({ ...getEmailOutboxQueryOptions(), refetchInterval: 30_000 });
}
