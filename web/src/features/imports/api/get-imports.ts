import type { TImport } from '@guanxi/common/imports';
import type { TPage } from '@guanxi/common/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const importsQueryKey = ['imports'] as const;

export const getImports = (q: { page: number; pageSize: number }) => api.get<TPage<TImport>>('/imports', q);

export function useImports(q: { page: number; pageSize: number }) {
  return useQuery(queryOptions({ queryKey: [...importsQueryKey, 'list', q], queryFn: () => getImports(q), placeholderData: keepPreviousData }));
}

/** The download address of an import's error report (same-origin GET with the session cookie). */
export const importErrorsUrl = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/errors`;
