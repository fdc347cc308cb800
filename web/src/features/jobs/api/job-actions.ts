import type { TJob } from '@guanxi/common/jobs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { jobsQueryKey } from './get-jobs';

export const retryJob = (id: string) => api.post<TJob>(`/jobs/${encodeURIComponent(id)}/retry`);
export const cancelJob = (id: string) => api.post<TJob>(`/jobs/${encodeURIComponent(id)}/cancel`);
export const pingWorkers = () => api.post<TJob>('/jobs/ping');

function useJobMutation<A>(fn: (arg: A) => Promise<TJob>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: jobsQueryKey }) });
}

/** Queues a failed or cancelled job again. */
export const useRetryJob = () => useJobMutation(retryJob);
/** Cancels a queued job. */
export const useCancelJob = () => useJobMutation(cancelJob);
/** Queues the diagnostics job (checks that a worker picks work up). */
export const usePingWorkers = () => useJobMutation(pingWorkers);
