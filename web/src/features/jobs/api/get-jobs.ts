import type { TJob, TJobState } from '@guanxi/common/jobs';
import type { TPage } from '@guanxi/common/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type JobsQuery = { page: number; pageSize: number; state?: TJobState; name?: string };

export const jobsQueryKey = ['jobs'] as const;

export const getJobs = (query: JobsQuery) => api.get<TPage<TJob>>('/jobs', query);

export const getJobsQueryOptions = (query: JobsQuery) =>
  queryOptions({ queryKey: [...jobsQueryKey, 'list', query], queryFn: () => getJobs(query), placeholderData: keepPreviousData });

/** Background jobs; refreshed every few seconds while the page is open, so running jobs move on their own. */
export function useJobs(query: JobsQuery) {
  return useQuery({ ...getJobsQueryOptions(query), refetchInterval: 5000 });
}
