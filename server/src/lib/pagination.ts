import type { TCappedPage, TPage, TPageQuery } from '@guanxi/common/pagination';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Db } from '../db/database';
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

/** How many pages past the current one a capped count looks (the pager's reach). */
export const COUNT_PAGES_AHEAD = 3;

/**
 * A list's total counted only as far as the pager can reach: a short last page needs no count at all, and otherwise
 * counting stops `COUNT_PAGES_AHEAD` pages past this one. An exact count of a long history reads every row of it.
 */
export async function cappedCount(
  db: Db, base: SelectQueryBuilder<Database, any, any>, q: Pick<TPageQuery, 'page' | 'pageSize'>, pageRows: number,
): Promise<{ total: number; capped: boolean }> {
  const offset = offsetOf(q);
  if (pageRows < q.pageSize && (pageRows > 0 || offset === 0)) return { total: offset + pageRows, capped: false };
  const cap = offset + (1 + COUNT_PAGES_AHEAD) * q.pageSize;
  const row = await db.selectFrom(base.select(sql<number>`1`.as('one')).limit(cap + 1).as('matches'))
    .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}
