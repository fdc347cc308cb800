import { z } from 'zod';

/**
 * The one condition language of PRODUCT.md: list filters, pool rules, segments, automation conditions and KPI
 * thresholds are all trees of field / operator / value joined by and / or / not.
 * @example { and: [{ field: 'status', op: 'eq', value: 'intent' }, { not: { field: 'tags', op: 'hasAny', value: ['流失'] } }] }
 */
export const CONDITION_OPS = [
  'eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'between', 'contains', 'startsWith', 'isEmpty', 'isNotEmpty',
  'hasAny', 'hasAll', 'hasNone',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export type Scalar = string | number | boolean | null;
export type Leaf = { field: string; op: ConditionOp; value?: Scalar | Scalar[] };
export type Condition = Leaf | { and: Condition[] } | { or: Condition[] } | { not: Condition };

const ZScalar = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
export const ZLeaf = z.object({
  field: z.string().min(1).max(80),
  op: z.enum(CONDITION_OPS),
  value: z.union([ZScalar, z.array(ZScalar).max(500)]).optional(),
});

export const ZCondition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    ZLeaf,
    z.object({ and: z.array(ZCondition).max(50) }),
    z.object({ or: z.array(ZCondition).max(50) }),
    z.object({ not: ZCondition }),
  ]),
);

/** Parses the `filter` query parameter (URL-encoded JSON); throws a ZodError-compatible error on bad input. */
export function parseConditionParam(text: string | undefined): Condition | undefined {
  if (!text) return undefined;
  return ZCondition.parse(JSON.parse(text));
}

/** Every leaf of a tree (for validation against a field registry). */
export function leavesOf(c: Condition): Leaf[] {
  if ('and' in c) return c.and.flatMap(leavesOf);
  if ('or' in c) return c.or.flatMap(leavesOf);
  if ('not' in c) return leavesOf(c.not);
  return [c];
}
