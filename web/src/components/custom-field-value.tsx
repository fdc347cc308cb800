import type { TCustomField } from '@guanxi/common/fields';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { optionLabel } from '../lib/custom-fields';
import { useFormatDay, useFormatMoney, useFormatNumber } from '../lib/format';

/** A custom field's value the way its type reads: amounts, dates, option labels, 是/否. */
export function CustomFieldValue({ field, value }: { field: TCustomField; value: unknown }) {
  const { t, i18n } = useTranslation();
  const money = useFormatMoney();
  const number = useFormatNumber();
  const day = useFormatDay();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  const label = (v: string) => {
    const option = field.options.find((o) => o.value === v);
    return option ? optionLabel(option, i18n.language) : v;
  };
  switch (field.type) {
    case 'money':
      return <>{money(Number(value))}</>;
    case 'number':
      return <>{number(Number(value))}</>;
    case 'date':
      return <>{day(String(value))}</>;
    case 'boolean':
      return <>{value === true ? t('common.yes') : t('common.no')}</>;
    case 'select':
      return <>{label(String(value))}</>;
    case 'multiselect':
      return (
        <>
          {(Array.isArray(value) ? value : [value]).map((v) => (
            <Tag key={String(v)} bordered={false}>
              {label(String(v))}
            </Tag>
          ))}
        </>
      );
    default:
      return <>{String(value)}</>;
  }
}
