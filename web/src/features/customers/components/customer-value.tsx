import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomFieldValue } from '../../../components/custom-field-value';
import { fieldDisplayName, useCustomFields } from '../../../lib/custom-fields';
import { useDictionaryLabel } from '../../../lib/dictionaries';
import { useFormatDate, useFormatDay, useFormatMoney } from '../../../lib/format';

type Renderers = {
  /** A field's label in the UI language (custom fields by their own label). */
  label: (field: string) => string;
  /** A recorded value of a customer field, shown the way the profile shows it. */
  value: (field: string, value: unknown) => ReactNode;
};

const DICTIONARY_FIELDS = { industry: 'industry', source: 'source', size: 'size', status: 'status' } as const;
const MONEY = new Set(['avgOrderValue', 'annualRevenue']);
const TIMES = new Set(['firstContactAt', 'lastFollowUpAt', 'wonAt', 'createdAt', 'updatedAt', 'deletedAt', 'pooledAt']);

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * How timeline and audit entries show customer fields: dictionary codes as labels, amounts, dates, addresses,
 * tags, and custom fields through their definitions. `renderUser` names owner ids.
 */
export function useCustomerFieldRenderers(renderUser?: (id: string) => ReactNode): Renderers {
  const { t, i18n } = useTranslation();
  const dict = useDictionaryLabel();
  const date = useFormatDate();
  const day = useFormatDay();
  const money = useFormatMoney();
  const { data: custom = [] } = useCustomFields('customer');

  const label = (field: string) => {
    if (field.startsWith('custom.')) {
      const def = custom.find((f) => f.key === field.slice(7));
      return def ? fieldDisplayName(def, i18n.language) : field.slice(7);
    }
    const key = field.replace(/^address\./, '');
    const known = t(`customers.fields.${key as 'name'}`, { defaultValue: '' });
    return known || field;
  };

  const value = (field: string, v: unknown): ReactNode => {
    if (isEmpty(v)) return <Typography.Text type="secondary">—</Typography.Text>;
    if (field.startsWith('custom.')) {
      const def = custom.find((f) => f.key === field.slice(7));
      return def ? <CustomFieldValue field={def} value={v} /> : String(v);
    }
    if (field in DICTIONARY_FIELDS) return dict(DICTIONARY_FIELDS[field as keyof typeof DICTIONARY_FIELDS], String(v));
    if (field === 'type') return t(`customers.types.${v as 'enterprise'}`, { defaultValue: String(v) });
    if (field === 'riskLevel') return t(`customers.risks.${v as 'high'}`, { defaultValue: String(v) });
    if (field === 'gender') return t(`customers.genders.${v as 'male'}`, { defaultValue: String(v) });
    if (field === 'valueTier') return t('customers.tierTag', { tier: String(v) });
    if (field === 'ownerId' || field === 'lastOwnerId') return renderUser ? renderUser(String(v)) : String(v);
    if (MONEY.has(field)) return money(Number(v));
    if (TIMES.has(field)) return date(String(v));
    if (field === 'birthday') return day(String(v));
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (Array.isArray(v)) return v.map(String).join('、');
    if (field === 'address' && typeof v === 'object') {
      const a = v as Record<string, string | null>;
      return [a.province, a.city === '市辖区' ? null : a.city, a.district, a.street].filter(Boolean).join(' ') || '—';
    }
    if (field === 'preferences' && typeof v === 'object') {
      const p = v as Record<string, string | null>;
      return [p.product, p.communication].filter(Boolean).join('；') || '—';
    }
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  return { label, value };
}
