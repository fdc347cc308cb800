import type { TCustomField } from '@guanxi/common/fields';
import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldDisplayName, optionLabel } from '../lib/custom-fields';
import { dayItemProps } from './date-field';

/** One custom field as a form item named custom.<key> (so server errors on `custom.budget` land on it). */
export function CustomFieldItem({ field }: { field: TCustomField }) {
  const { t, i18n } = useTranslation();
  const label = fieldDisplayName(field, i18n.language);
  const options = field.options.map((o) => ({ value: o.value, label: optionLabel(o, i18n.language) }));
  const name = ['custom', field.key];
  switch (field.type) {
    case 'number':
      return (
        <Form.Item name={name} label={label} required={field.required}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'money':
      return (
        <Form.Item name={name} label={label} required={field.required}>
          <InputNumber style={{ width: '100%' }} prefix="¥" precision={2} min={0} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item name={name} label={label} required={field.required} {...dayItemProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item name={name} label={label} required={field.required}>
          <Select allowClear options={options} placeholder={t('common.choose')} />
        </Form.Item>
      );
    case 'multiselect':
      return (
        <Form.Item name={name} label={label} required={field.required}>
          <Select mode="multiple" allowClear options={options} placeholder={t('common.choose')} />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item name={name} label={label} required={field.required} valuePropName="checked">
          <Switch />
        </Form.Item>
      );
    default:
      return (
        <Form.Item name={name} label={label} required={field.required}>
          <Input maxLength={2000} />
        </Form.Item>
      );
  }
}
