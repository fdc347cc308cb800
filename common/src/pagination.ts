import { z } from 'zod';

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.string().max(64).optional(),
  q: z.string().trim().max(100).optional(),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

/** The list answer of every endpoint: `{ items, total, page, pageSize }`. */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
export type TPage<T> = { items: T[]; total: number; page: number; pageSize: number };

/**
 * The answer of a list over a very large table (customers), which counts its matches only as far as its pager
 * reaches: three pages beyond the requested one (200 for page 1 of 50). Beyond that `totalCapped` is true and
 * `total` means "at least this many" (show "200+"); later pages can still be requested and count further.
 */
export function ZCappedPage<T extends z.ZodType>(item: T) {
  return ZPage(item).extend({
    totalCapped: z.boolean().describe('True when counting stopped at a cap: there are at least `total` items'),
  });
}
export type TCappedPage<T> = TPage<T> & { totalCapped: boolean };
