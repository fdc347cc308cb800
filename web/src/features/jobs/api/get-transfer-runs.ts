import type { TTransferRun } from '@guanxi/common/jobs';
import type { TPage } from '@guanxi/common/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, API_BASE } from '../../../lib/api-client';
import { jobsQueryKey } from './get-jobs';

export type TransferRunsQuery = { page: number; pageSize: number; kind?: TTransferRun['kind'] };

export const getTransferRuns = (query: TransferRunsQuery) => api.get<TPage<TTransferRun>>('/jobs/transfers', query);

export const getTransferRunsQueryOptions = (query: TransferRunsQuery) =>
  queryOptions({ queryKey: [...jobsQueryKey, 'transfers', query], queryFn: () => getTransferRuns(query), placeholderData: keepPreviousData });

const active = (r: TTransferRun) => r.status === 'queued' || r.status === 'running';

/** The tenant's imports and exports; polled every few seconds while one of them is queued or running. */
export function useTransferRuns(query: TransferRunsQuery) {
  return useQuery({ ...getTransferRunsQueryOptions(query), refetchInterval: (q) => (q.state.data?.items.some(active) ? 3000 : false) });
}

export const transferDownloadUrl = (id: string) => `${API_BASE}/exports/${encodeURIComponent(id)}/download`;
