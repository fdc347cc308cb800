import type { TPeriodicJob } from '@guanxi/common/jobs';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { jobsQueryKey } from './get-jobs';

export const getPeriodicJobs = () => api.get<{ items: TPeriodicJob[] }>('/jobs/periodic');

export const getPeriodicJobsQueryOptions = () => queryOptions({ queryKey: [...jobsQueryKey, 'periodic'], queryFn: getPeriodicJobs });

export function usePeriodicJobs() {
  return useQuery({ ...getPeriodicJobsQueryOptions(), refetchInterval: 15_000 });
}
