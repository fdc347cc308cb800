import { ZCondition, type Condition, type Leaf } from '@guanxi/common/conditions';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CustomersQuery } from '../api/get-customers';

/** Everything that decides what the customers list shows; kept in the URL so a filtered list can be shared. */
export type ListState = {
  q: string;
  status: string[];
  ownerId?: string;
  industry: string[];
  source: string[];
  /** Customers that have all of these tags. */
  tags: string[];
  /** The advanced filter (any condition tree). */
  advanced: Condition | null;
  sort?: string;
  page: number;
  pageSize: number;
  viewId?: string;
};

export const DEFAULT_PAGE_SIZE = 20;
const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

function parseAdvanced(text: string | null): Condition | null {
  if (!text) return null;
  try {
    const parsed = ZCondition.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function readState(params: URLSearchParams): ListState {
  return {
    q: params.get('q') ?? '',
    status: list(params.get('status')),
    ownerId: params.get('owner') ?? undefined,
    industry: list(params.get('industry')),
    source: list(params.get('source')),
    tags: list(params.get('tags')),
    advanced: parseAdvanced(params.get('filter')),
    sort: params.get('sort') ?? undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Number(params.get('size')) || DEFAULT_PAGE_SIZE,
    viewId: params.get('view') ?? undefined,
  };
}

function writeState(s: ListState): URLSearchParams {
  const p = new URLSearchParams();
  const set = (key: string, value: string | undefined) => value && p.set(key, value);
  set('view', s.viewId);
  set('q', s.q.trim());
  set('status', s.status.join(','));
  set('owner', s.ownerId);
  set('industry', s.industry.join(','));
  set('source', s.source.join(','));
  set('tags', s.tags.join(','));
  set('filter', s.advanced ? JSON.stringify(s.advanced) : undefined);
  set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.pageSize !== DEFAULT_PAGE_SIZE) p.set('size', String(s.pageSize));
  return p;
}

/** The quick filters and the advanced filter as one condition tree (the API's `filter`). */
export function combinedFilter(s: Pick<ListState, 'status' | 'ownerId' | 'industry' | 'source' | 'tags' | 'advanced'>): Condition | null {
  const parts: Condition[] = [];
  if (s.status.length) parts.push({ field: 'status', op: 'in', value: s.status });
  if (s.ownerId) parts.push({ field: 'ownerId', op: 'eq', value: s.ownerId });
  if (s.industry.length) parts.push({ field: 'industry', op: 'in', value: s.industry });
  if (s.source.length) parts.push({ field: 'source', op: 'in', value: s.source });
  if (s.tags.length) parts.push({ field: 'tags', op: 'hasAll', value: s.tags });
  if (s.advanced) parts.push(s.advanced);
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : { and: parts };
}

const strings = (v: Leaf['value']) => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);

/**
 * The reverse of combinedFilter for a saved view: top-level rules the quick filters can show go back into them,
 * the rest stays an advanced filter.
 */
export function splitFilter(filter: Condition | null | undefined): Pick<ListState, 'status' | 'ownerId' | 'industry' | 'source' | 'tags' | 'advanced'> {
  const out = { status: [] as string[], ownerId: undefined as string | undefined, industry: [] as string[], source: [] as string[], tags: [] as string[], advanced: null as Condition | null };
  if (!filter) return out;
  const parts = 'and' in filter ? filter.and : [filter];
  const rest: Condition[] = [];
  for (const c of parts) {
    if (!('field' in c)) rest.push(c);
    else if (c.field === 'status' && (c.op === 'in' || c.op === 'eq') && !out.status.length) out.status = strings(c.value);
    else if (c.field === 'ownerId' && c.op === 'eq' && !out.ownerId && typeof c.value === 'string') out.ownerId = c.value;
    else if (c.field === 'industry' && (c.op === 'in' || c.op === 'eq') && !out.industry.length) out.industry = strings(c.value);
    else if (c.field === 'source' && (c.op === 'in' || c.op === 'eq') && !out.source.length) out.source = strings(c.value);
    else if (c.field === 'tags' && c.op === 'hasAll' && !out.tags.length) out.tags = strings(c.value);
    else rest.push(c);
  }
  out.advanced = rest.length === 0 ? null : rest.length === 1 ? rest[0]! : { and: rest };
  return out;
}

export function toQuery(s: ListState): CustomersQuery {
  const filter = combinedFilter(s);
  return { page: s.page, pageSize: s.pageSize, sort: s.sort, q: s.q.trim() || undefined, filter: filter ? JSON.stringify(filter) : undefined };
}

/** The list state from the URL, and a setter that writes it back (replacing the entry for paging and sorting). */
export function useListState(): [ListState, (patch: Partial<ListState>, opts?: { push?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string is the identity of the params
  const state = useMemo(() => readState(params), [key]);
  const update = useCallback(
    (patch: Partial<ListState>, opts?: { push?: boolean }) => {
      setParams((prev) => writeState({ ...readState(prev), ...patch }), { replace: !opts?.push });
    },
    [setParams],
  );
  return [state, update];
}
