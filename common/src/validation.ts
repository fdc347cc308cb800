import { z } from 'zod';
import type { TErrorDetail } from './errors';
import { isKnownRule, ruleMessage, type Locale } from './i18n';
import { isMobile } from './phone';

/** Custom refinements carry their rule as the message: `rule:<name>`, translated by issuesToDetails. */
export const rule = (name: string) => ({ message: `rule:${name}` });

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

type Issue = z.core.$ZodIssue;

function ruleOf(issue: Issue, input: unknown): { rule: string; params?: Record<string, string | number> } {
  const value = valueAt(input, issue.path);
  if (issue.message.startsWith('rule:')) return { rule: issue.message.slice(5) };
  if (value === undefined || value === null) return { rule: 'required' };
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { rule: 'required' } : { rule: 'min_length', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { rule: 'min_items', params: { min } };
      return { rule: 'min_value', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { rule: 'max_length', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { rule: 'max_items', params: { max } };
      return { rule: 'max_value', params: { max } };
    }
    case 'invalid_format':
      return { rule: issue.format === 'email' ? 'email' : 'format' };
    case 'invalid_value':
      return { rule: 'one_of', params: { options: issue.values.map(String).join(', ') } };
    case 'invalid_type':
      return { rule: issue.expected === 'int' ? 'integer' : 'type' };
    case 'unrecognized_keys':
      return { rule: 'unknown_field' };
    default:
      return { rule: 'format' };
  }
}

/** Turns Zod issues into the error envelope's details, each naming the field and the rule in the locale. */
export function issuesToDetails(issues: readonly Issue[], input: unknown, locale: Locale): TErrorDetail[] {
  const seen = new Set<string>();
  const details: TErrorDetail[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    // One message per field: the first rule it breaks (a too-short password need not also be "needs digits").
    if (seen.has(field)) continue;
    seen.add(field);
    const { rule: r, params } = ruleOf(issue, input);
    const known = isKnownRule(r) ? r : 'format';
    details.push({ field, rule: known, message: ruleMessage(locale, known, field, params) });
  }
  return details;
}

/** Non-empty trimmed text up to `max` characters. */
export const zText = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: empty strings and null both mean "no value". */
export const zOptionalText = (max: number) => z.string().trim().max(max).nullish();
export const zEmail = z.string().trim().max(254).email();
export const zMobile = z.string().trim().max(32).refine(isMobile, rule('mobile'));
export const zOptionalMobile = z
  .string()
  .trim()
  .max(32)
  .refine((v) => v === '' || isMobile(v), rule('mobile'))
  .nullish();
export const zPassword = z
  .string()
  .min(8)
  .max(128)
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), rule('password'));
export const zId = z.string().min(1).max(64);
export const zVersion = z.number().int().min(1);
