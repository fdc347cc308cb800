import type { TTag } from '@guanxi/common/tags';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const tagsQueryKey = ['tags'] as const;

export const getTags = () => api.get<{ items: TTag[] }>('/tags').then((r) => r.items);

export const getTagsQueryOptions = () => queryOptions({ queryKey: tagsQueryKey, queryFn: getTags, staleTime: 60_000 });

export function useTags() {
  return useQuery(getTagsQueryOptions());
}
