import type { CustomValue, TCustomField } from '@guanxi/common/fields';
import type { Locale } from '@guanxi/common/i18n';
import type { RuleDetail } from '../../lib/errors';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function checkOne(def: TCustomField, v: unknown): { value?: CustomValue; rule?: string; params?: Record<string, string | number> } {
  if (isEmpty(v)) return { value: null };
  const options = def.options.map((o) => o.value);
  switch (def.type) {
    case 'text':
      if (typeof v !== 'string') return { rule: 'type' };
      return v.length > 2000 ? { rule: 'max_length', params: { max: 2000 } } : { value: v.trim() };
    case 'number':
    case 'money': {
      const n = typeof v === 'string' ? Number(v.replace(/[,，\s]/g, '')) : v;
      if (typeof n !== 'number' || !Number.isFinite(n)) return { rule: 'type' };
      if (def.type === 'money' && Math.round(n * 100) !== n * 100) return { rule: 'money' };
      return { value: n };
    }
    case 'date':
      return typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v)) ? { value: v } : { rule: 'date' };
    case 'boolean':
      return typeof v === 'boolean' ? { value: v } : { rule: 'type' };
    case 'select':
      return typeof v === 'string' && options.includes(v) ? { value: v } : { rule: 'one_of', params: { options: options.join(', ') } };
    case 'multiselect': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !options.includes(x))) {
        return { rule: 'one_of', params: { options: options.join(', ') } };
      }
      return { value: [...new Set(v as string[])] };
    }
  }
}

/**
 * Validates a record's custom values against the tenant's field definitions, with the same rules everywhere
 * (form, API, import). With `partial`, only the keys present are checked (an update); otherwise required fields
 * must have a value. Returns the cleaned values merged over `current`, and errors on `custom.<key>`.
 */
export function validateCustomValues(
  defs: TCustomField[],
  input: Record<string, unknown> | undefined,
  opts: { partial: boolean; locale: Locale; current?: Record<string, CustomValue> },
): { values: Record<string, CustomValue>; errors: RuleDetail[] } {
  const active = defs.filter((d) => d.active);
  const values: Record<string, CustomValue> = { ...(opts.current ?? {}) };
  const errors: RuleDetail[] = [];
  const label = (d: TCustomField) => (opts.locale === 'en' ? d.labelEn : d.labelZh);
  for (const key of Object.keys(input ?? {})) {
    if (!active.some((d) => d.key === key)) errors.push({ field: `custom.${key}`, rule: 'unknown_field', params: { label: key } });
  }
  for (const def of active) {
    const present = input !== undefined && Object.prototype.hasOwnProperty.call(input, def.key);
    if (opts.partial && !present) continue;
    const raw = present ? input![def.key] : undefined;
    const r = checkOne(def, raw);
    if (r.rule) {
      errors.push({ field: `custom.${def.key}`, rule: r.rule, params: { ...r.params, label: label(def) } });
      continue;
    }
    if (def.required && isEmpty(r.value)) {
      errors.push({ field: `custom.${def.key}`, rule: 'required', params: { label: label(def) } });
      continue;
    }
    if (isEmpty(r.value)) delete values[def.key];
    else values[def.key] = r.value ?? null;
  }
  return { values, errors };
}
