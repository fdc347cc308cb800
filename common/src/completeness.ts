import { z } from 'zod';

/**
 * Fields that make a customer file complete, with default weights (they sum to 100). Admins edit the weights;
 * the score is stored on each customer and kept current (the seed's first KPI: 信息完整度).
 */
export const COMPLETENESS_FIELDS = [
  'name', 'industry', 'source', 'size', 'address.province', 'address.city', 'address.street', 'requirement',
  'preferences.product', 'preferences.communication', 'valueTier', 'tags', 'contact.name', 'contact.title',
  'contact.mobile', 'contact.email',
] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

export const DEFAULT_COMPLETENESS_WEIGHTS: Record<CompletenessField, number> = {
  name: 10, industry: 10, source: 5, size: 5, 'address.province': 5, 'address.city': 5, 'address.street': 5,
  requirement: 10, 'preferences.product': 5, 'preferences.communication': 5, valueTier: 5, tags: 5,
  'contact.name': 5, 'contact.title': 5, 'contact.mobile': 10, 'contact.email': 5,
};

export const ZCompletenessWeights = z.object({
  weights: z.partialRecord(z.enum(COMPLETENESS_FIELDS), z.number().int().min(0).max(100)),
  version: z.number().int().optional(),
});
export type TCompletenessWeights = z.infer<typeof ZCompletenessWeights>;

export type CompletenessInput = {
  name?: string | null; industry?: string | null; source?: string | null; size?: string | null;
  address?: { province?: string | null; city?: string | null; street?: string | null } | null;
  requirement?: string | null; preferences?: { product?: string | null; communication?: string | null } | null;
  valueTier?: string | null; tags?: string[] | null;
  contact?: { name?: string | null; title?: string | null; mobile?: string | null; email?: string | null } | null;
};

function valueOf(c: CompletenessInput, field: CompletenessField): unknown {
  const [head, tail] = field.split('.') as [string, string | undefined];
  const v = (c as Record<string, unknown>)[head];
  return tail ? (v as Record<string, unknown> | null | undefined)?.[tail] : v;
}

/** Score 0–100 and the fields still missing, heaviest first. */
export function completenessOf(c: CompletenessInput, weights: Record<CompletenessField, number>): { score: number; missing: CompletenessField[] } {
  let total = 0;
  let have = 0;
  const missing: CompletenessField[] = [];
  for (const field of COMPLETENESS_FIELDS) {
    const w = weights[field] ?? 0;
    if (w <= 0) continue;
    total += w;
    const v = valueOf(c, field);
    const filled = Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && String(v).trim() !== '';
    if (filled) have += w;
    else missing.push(field);
  }
  missing.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0));
  return { score: total === 0 ? 100 : Math.round((have / total) * 100), missing };
}
