import type { Scalar } from '@guanxi/common/conditions';
import { DatePicker, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LIST_OPS, NO_VALUE_OPS, type ConditionField, type RuleNode } from './condition-tree';

type ValueInputProps = { rule: RuleNode; field: ConditionField | undefined; onChange: (value: RuleNode['value']) => void };

const WIDTH = 260;
const day = (v: unknown) => (typeof v === 'string' && v ? dayjs(v) : null);

/** The value editor that fits the field's type and the operator (none, one value, a range, or a list). */
export function ConditionValueInput({ rule, field, onChange }: ValueInputProps) {
  const { t } = useTranslation();
  const { op, value } = rule;
  if (NO_VALUE_OPS.has(op) || !field) return null;
  const multiple = LIST_OPS.has(op);
  const label = t('conditions.value');

  if (field.renderInput) {
    return <div style={{ width: WIDTH }}>{field.renderInput({ value, onChange: (v) => onChange(v as RuleNode['value']), multiple })}</div>;
  }
  switch (field.kind) {
    case 'number': {
      if (op === 'between') {
        const [lo, hi] = Array.isArray(value) ? value : [];
        return (
          <Space.Compact style={{ width: WIDTH }}>
            <InputNumber aria-label={t('conditions.from')} placeholder={t('conditions.from')} value={lo as number | null} onChange={(v) => onChange([v, hi ?? null])} style={{ width: '50%' }} />
            <InputNumber aria-label={t('conditions.to')} placeholder={t('conditions.to')} value={hi as number | null} onChange={(v) => onChange([lo ?? null, v])} style={{ width: '50%' }} />
          </Space.Compact>
        );
      }
      return <InputNumber aria-label={label} value={value as number | null} onChange={(v) => onChange(v)} style={{ width: WIDTH }} />;
    }
    case 'date':
    case 'datetime': {
      if (op === 'between') {
        const [lo, hi] = Array.isArray(value) ? value : [];
        return (
          <DatePicker.RangePicker
            aria-label={label}
            value={[day(lo), day(hi)]}
            onChange={(range) => onChange(range ? [range[0]?.format('YYYY-MM-DD') ?? null, range[1]?.format('YYYY-MM-DD') ?? null] : undefined)}
            style={{ width: WIDTH }}
          />
        );
      }
      return <DatePicker aria-label={label} value={day(value)} onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : undefined)} style={{ width: WIDTH }} />;
    }
    case 'bool':
      return (
        <Select
          aria-label={label}
          value={value === undefined ? undefined : String(value)}
          onChange={(v: string) => onChange(v === 'true')}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
          style={{ width: WIDTH }}
        />
      );
    case 'enum':
    case 'multi':
      return (
        <Select
          aria-label={label}
          mode={multiple ? (field.allowCreate ? 'tags' : 'multiple') : undefined}
          showSearch
          optionFilterProp="label"
          maxTagCount="responsive"
          value={(value ?? (multiple ? [] : undefined)) as Scalar | Scalar[] as string | string[]}
          onChange={(v: string | string[]) => onChange(v)}
          options={field.options ?? []}
          placeholder={t('conditions.choose')}
          style={{ width: WIDTH }}
        />
      );
    default:
      return (
        <Input
          aria-label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          placeholder={t('conditions.enterValue')}
          style={{ width: WIDTH }}
        />
      );
  }
}
