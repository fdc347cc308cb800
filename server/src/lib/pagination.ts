import type { TCappedPage, TPage, TPageQuery } from '@guanxi/common/pagination';
import { AppError } from './errors';

/** Turns `sort=-updatedAt` into a column and direction, allowing only the listed fields. */
export function parseSort<K extends string>(
  sort: string | undefined,
  allowed: Record<string, K>,
  fallback: { column: K; direction: 'asc' | 'desc' },
): { column: K; direction: 'asc' | 'desc' } {
  if (!sort) return fallback;
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const column = allowed[key];
  if (!column) throw AppError.invalid('sort', 'one_of', { options: Object.keys(allowed).join(', ') });
  return { column, direction: desc ? 'desc' : 'asc' };
}

export function offsetOf(q: Pick<TPageQuery, 'page' | 'pageSize'>): number {
  return (q.page - 1) * q.pageSize;
}

export function pageOf<T>(items: T[], total: number, q: Pick<TPageQuery, 'page' | 'pageSize'>): TPage<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** The answer of a list that counts up to a cap (see ZCappedPage). */
export function cappedPageOf<T>(items: T[], count: { total: number; capped: boolean }, q: Pick<TPageQuery, 'page' | 'pageSize'>): TCappedPage<T> {
  return { ...pageOf(items, count.total, q), totalCapped: count.capped };
}
