import type { TAuditEntry } from '@guanxi/common/audit';
import type { TPage } from '@guanxi/common/pagination';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type AuditQuery = { page: number; pageSize: number; entity?: string; entityId?: string };

export const auditQueryKey = ['audit'] as const;

export const getAudit = (query: AuditQuery) => api.get<TPage<TAuditEntry>>('/audit', query);

export const getAuditQueryOptions = (query: AuditQuery) =>
  queryOptions({ queryKey: [...auditQueryKey, query], queryFn: () => getAudit(query), placeholderData: keepPreviousData });

export function useAudit(query: AuditQuery) {
  return useQuery(getAuditQueryOptions(query));
}
