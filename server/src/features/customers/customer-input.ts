import type { TContactInput } from '@guanxi/common/contacts';
import type { TCreateCustomerRequest, TUpdateCustomerRequest } from '@guanxi/common/customers';
import type { DictionaryType } from '@guanxi/common/dictionaries';
import type { CustomValue, TCustomField } from '@guanxi/common/fields';
import type { Locale } from '@guanxi/common/i18n';
import { maskText } from '@guanxi/common/masking';
import { normalizeLandline, normalizeMobile } from '@guanxi/common/phone';
import type { Updateable } from 'kysely';
import type { ContactsTable, CustomersTable } from '../../db/database';
import type { RuleDetail } from '../../lib/errors';
import { addressMismatch } from '../../lib/regions';
import type { DictionaryLookup } from '../dictionaries/dictionaries.service';
import { validateCustomValues } from '../fields/fields.service';

export type InputContext = { dict: DictionaryLookup; customerDefs: TCustomField[]; contactDefs: TCustomField[]; locale: Locale };

const fen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100));
const text = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());

function dictionaryCode(ctx: InputContext, type: DictionaryType, field: string, value: string | null | undefined, errors: RuleDetail[]) {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  const entry = ctx.dict.find(type, value);
  if (!entry || !entry.active) {
    errors.push({ field, rule: 'dictionary', params: { value } });
    return undefined;
  }
  return entry.code;
}

type CustomerInput = Partial<Omit<TCreateCustomerRequest, 'contact' | 'allowDuplicate'>> & Partial<Pick<TUpdateCustomerRequest, 'version'>>;

/**
 * Checks a customer's fields against the tenant's dictionaries, the division data and its custom fields — the same
 * rules for the form, the API and imports — and returns the columns to write. `current` is the stored record on
 * an update (only the fields present are checked).
 */
export function customerColumns(
  ctx: InputContext,
  input: CustomerInput,
  opts: {
    partial: boolean;
    current?: { industry: string; industry_note: string | null; province: string | null; city: string | null; district: string | null; street?: string | null; custom: Record<string, CustomValue> };
  },
): { set: Updateable<CustomersTable>; custom?: Record<string, CustomValue>; errors: RuleDetail[] } {
  const errors: RuleDetail[] = [];
  const set: Updateable<CustomersTable> = {};
  if (input.name !== undefined) set.name = input.name.trim();
  if (input.type !== undefined) set.type = input.type;
  const industry = dictionaryCode(ctx, 'industry', 'industry', input.industry, errors);
  if (industry !== undefined && industry !== null) set.industry = industry;
  if (input.industryNote !== undefined) set.industry_note = text(input.industryNote) ?? null;
  const source = dictionaryCode(ctx, 'source', 'source', input.source, errors);
  if (source !== undefined && source !== null) set.source = source;
  const size = dictionaryCode(ctx, 'size', 'size', input.size, errors);
  if (size !== undefined) set.size = size;

  const finalIndustry = set.industry ?? opts.current?.industry;
  const finalNote = set.industry_note !== undefined ? set.industry_note : opts.current?.industry_note;
  const industryEntry = finalIndustry ? ctx.dict.find('industry', finalIndustry) : undefined;
  if (industryEntry?.needsNote && !finalNote && (input.industry !== undefined || input.industryNote !== undefined)) {
    errors.push({ field: 'industryNote', rule: 'note_required' });
  }

  if (input.address !== undefined) {
    const a = input.address;
    const address = { province: text(a.province) ?? null, city: text(a.city) ?? null, district: text(a.district) ?? null };
    const wrong = addressMismatch(address);
    if (wrong) errors.push({ field: `address.${wrong}`, rule: 'address' });
    Object.assign(set, address);
    // On an edit, a street left out, or sent back exactly as the masked form the actor was shown, stays as stored.
    const current = opts.current?.street;
    const keepStreet = opts.current !== undefined && (a.street === undefined || (!!current && a.street === maskText(current)));
    if (!keepStreet) set.street = text(a.street) ?? null;
  }
  if (input.status !== undefined) set.status = input.status;
  if (input.requirement !== undefined) set.requirement = text(input.requirement) ?? null;
  if (input.preferences !== undefined) {
    set.product_preference = text(input.preferences.product) ?? null;
    set.communication_preference = text(input.preferences.communication) ?? null;
  }
  if (input.valueTier !== undefined) set.value_tier = input.valueTier ?? null;
  if (input.riskLevel !== undefined) set.risk_level = input.riskLevel ?? null;
  if (input.firstContactAt !== undefined) set.first_contact_at = input.firstContactAt ? new Date(input.firstContactAt).toISOString() : null;
  if (input.purchaseFrequency !== undefined) set.purchase_frequency = input.purchaseFrequency ?? null;
  if (input.avgOrderValue !== undefined) set.avg_order_value = fen(input.avgOrderValue);
  if (input.gender !== undefined) set.gender = input.gender ?? null;
  if (input.birthday !== undefined) set.birthday = input.birthday ?? null;
  if (input.staffCount !== undefined) set.staff_count = input.staffCount ?? null;
  if (input.annualRevenue !== undefined) set.annual_revenue = fen(input.annualRevenue);

  let custom: Record<string, CustomValue> | undefined;
  if (input.custom !== undefined || !opts.partial) {
    const r = validateCustomValues(ctx.customerDefs, input.custom, { partial: opts.partial, locale: ctx.locale, current: opts.current?.custom });
    errors.push(...r.errors);
    custom = r.values;
  }
  return { set, custom, errors };
}

/**
 * Checks a contact's fields (mobile normalised to 11 digits, landline to area-number-extension, email lower-cased,
 * role from the dictionary, custom fields) and returns the columns. `prefix` names fields inside a bigger form.
 */
export function contactColumns(
  ctx: InputContext,
  input: Partial<TContactInput>,
  opts: { partial: boolean; prefix?: string; currentCustom?: Record<string, CustomValue> },
): { set: Updateable<ContactsTable>; custom?: Record<string, CustomValue>; errors: RuleDetail[] } {
  const p = opts.prefix ?? '';
  const errors: RuleDetail[] = [];
  const set: Updateable<ContactsTable> = {};
  if (input.name !== undefined) set.name = input.name.trim();
  if (input.title !== undefined) set.title = text(input.title) ?? null;
  if (input.mobile !== undefined) {
    const m = normalizeMobile(input.mobile);
    if (!m) errors.push({ field: `${p}mobile`, rule: 'mobile' });
    else set.mobile = m;
  }
  if (input.landline !== undefined) {
    const l = text(input.landline);
    if (l) {
      const n = normalizeLandline(l);
      if (!n) errors.push({ field: `${p}landline`, rule: 'landline' });
      else set.landline = n;
    } else set.landline = null;
  }
  if (input.email !== undefined) set.email = text(input.email)?.toLowerCase() ?? null;
  const role = dictionaryCode(ctx, 'contact_role', `${p}role`, input.role, errors);
  if (role !== undefined) set.role = role;
  if (input.preferredChannel !== undefined) set.preferred_channel = text(input.preferredChannel) ?? null;
  if (input.notes !== undefined) set.notes = text(input.notes) ?? null;
  if (input.birthday !== undefined) set.birthday = input.birthday ?? null;
  let custom: Record<string, CustomValue> | undefined;
  if (input.custom !== undefined || !opts.partial) {
    const r = validateCustomValues(ctx.contactDefs, input.custom, { partial: opts.partial, locale: ctx.locale, current: opts.currentCustom });
    errors.push(...r.errors.map((e) => ({ ...e, field: `${p}${e.field}` })));
    custom = r.values;
  }
  return { set, custom, errors };
}
