import type { TCustomer } from '@guanxi/common/customers';

/** Empty strings mean "no value"; the shared schemas and the API read that as null. */
export function clean(value: unknown): unknown {
  if (value === '' || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, clean(v)]));
  }
  return value;
}

/** A customer as form values (the same shape as the request, dates as strings). */
export function toFormValues(c: TCustomer): Record<string, unknown> {
  return {
    name: c.name, type: c.type, industry: c.industry, industryNote: c.industryNote, source: c.source, size: c.size,
    address: { ...c.address }, status: c.status, tags: c.tags, requirement: c.requirement, preferences: { ...c.preferences },
    valueTier: c.valueTier, riskLevel: c.riskLevel, firstContactAt: c.firstContactAt, purchaseFrequency: c.purchaseFrequency,
    avgOrderValue: c.avgOrderValue, gender: c.gender, birthday: c.birthday, staffCount: c.staffCount, annualRevenue: c.annualRevenue,
    custom: { ...c.custom },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The PATCH body: only what changed. Address and preferences go as a whole (the API replaces them); custom fields
 * go key by key (the API merges them).
 *
 * Roles without "view sensitive data" get the street masked (******) and see it empty in the form: an address the
 * user did not touch is not sent, and `streetMissing` says a changed address needs the street typed again (the API
 * replaces the whole address, so sending it without one would erase the street).
 */
export function changedCustomer(
  values: Record<string, unknown>,
  original: Record<string, unknown>,
  streetMasked: boolean,
): { body: Record<string, unknown>; streetMissing: boolean } {
  const next = clean(values) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (key === 'custom') {
      const before = (original.custom ?? {}) as Record<string, unknown>;
      const changed = Object.entries((value ?? {}) as Record<string, unknown>).filter(([k, v]) => !same(v, before[k]));
      if (changed.length) out.custom = Object.fromEntries(changed);
    } else if (!same(value, clean(original[key]))) {
      out[key] = value;
    }
  }
  if (!streetMasked || !out.address) return { body: out, streetMissing: false };
  const after = out.address as Record<string, unknown>;
  const before = (original.address ?? {}) as Record<string, unknown>;
  const placeChanged = (['province', 'city', 'district'] as const).some((k) => !same(after[k], before[k]));
  if (after.street) return { body: out, streetMissing: false };
  if (!placeChanged) delete out.address;
  return { body: out, streetMissing: placeChanged };
}

/** Form values of a customer for a role that may not see the street: the masked street shows as empty. */
export function hideMaskedStreet(values: Record<string, unknown>): Record<string, unknown> {
  return { ...values, address: { ...(values.address as object), street: null } };
}
