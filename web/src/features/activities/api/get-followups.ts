import type { TFollowup, TListFollowupsQuery } from '@guanxi/common/followups';
import type { TPage } from '@guanxi/common/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { followupsQueryKey } from './keys';

export type FollowupsQuery = Partial<TListFollowupsQuery>;

export const getFollowups = (query: FollowupsQuery) => api.get<TPage<TFollowup>>('/followups', query);

export const getFollowupsQueryOptions = (query: FollowupsQuery) =>
  queryOptions({ queryKey: [...followupsQueryKey, query], queryFn: () => getFollowups(query), placeholderData: keepPreviousData });

export function useFollowups(query: FollowupsQuery) {
  return useQuery(getFollowupsQueryOptions(query));
}
