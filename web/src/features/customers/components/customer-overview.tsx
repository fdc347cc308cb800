import type { TCustomer } from '@guanxi/common/customers';
import { Card, Descriptions, Flex, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { CustomFieldValue } from '../../../components/custom-field-value';
import { fieldDisplayName, useCustomFields } from '../../../lib/custom-fields';
import { useDictionaryLabel } from '../../../lib/dictionaries';
import { useFormatDate, useFormatDay, useFormatMoney, useFormatNumber } from '../../../lib/format';

type Items = NonNullable<DescriptionsProps['items']>;

/** 概况: every field of the profile, custom fields included, grouped as the form groups them. */
export function CustomerOverview({ customer: c }: { customer: TCustomer }) {
  const { t, i18n } = useTranslation();
  const dict = useDictionaryLabel();
  const date = useFormatDate();
  const day = useFormatDay();
  const money = useFormatMoney();
  const number = useFormatNumber();
  const { data: custom = [] } = useCustomFields('customer');
  const f = (key: keyof typeof labels) => labels[key];
  const labels = t('customers.fields', { returnObjects: true });
  const text = (v: string | null | undefined) => v || <Typography.Text type="secondary">—</Typography.Text>;

  const basic: Items = [
    { key: 'name', label: f('name'), children: c.name, span: 2 },
    { key: 'number', label: f('number'), children: c.number },
    { key: 'type', label: f('type'), children: t(`customers.types.${c.type}`) },
    { key: 'status', label: f('status'), children: dict('status', c.status) },
    { key: 'industry', label: f('industry'), children: c.industryNote ? `${dict('industry', c.industry)}（${c.industryNote}）` : dict('industry', c.industry) },
    { key: 'source', label: f('source'), children: dict('source', c.source) },
    { key: 'size', label: f('size'), children: dict('size', c.size) },
    { key: 'owner', label: f('ownerName'), children: c.poolId ? t('customers.inPool') : text(c.ownerName) },
    {
      key: 'address',
      label: f('address'),
      span: 3,
      children: text([c.address.province, c.address.city === '市辖区' ? null : c.address.city, c.address.district, c.address.street].filter(Boolean).join(' ')),
    },
  ];
  const business: Items = [
    { key: 'valueTier', label: f('valueTier'), children: c.valueTier ? t('customers.tierTag', { tier: c.valueTier }) : text(null) },
    { key: 'riskLevel', label: f('riskLevel'), children: c.riskLevel ? t(`customers.risks.${c.riskLevel}`) : text(null) },
    { key: 'firstContactAt', label: f('firstContactAt'), children: date(c.firstContactAt) },
    { key: 'lastFollowUpAt', label: f('lastFollowUpAt'), children: date(c.lastFollowUpAt) },
    { key: 'wonAt', label: f('wonAt'), children: date(c.wonAt, 'date') },
    { key: 'purchaseFrequency', label: f('purchaseFrequency'), children: number(c.purchaseFrequency) },
    { key: 'avgOrderValue', label: f('avgOrderValue'), children: money(c.avgOrderValue) },
    ...(c.type === 'individual'
      ? [
          { key: 'gender', label: f('gender'), children: c.gender ? t(`customers.genders.${c.gender}`) : text(null) },
          { key: 'birthday', label: f('birthday'), children: day(c.birthday) },
        ]
      : [
          { key: 'staffCount', label: f('staffCount'), children: number(c.staffCount) },
          { key: 'annualRevenue', label: f('annualRevenue'), children: money(c.annualRevenue) },
        ]),
    { key: 'createdAt', label: f('createdAt'), children: date(c.createdAt) },
    { key: 'updatedAt', label: f('updatedAt'), children: date(c.updatedAt) },
  ];
  const needs: Items = [
    { key: 'requirement', label: f('requirement'), span: 3, children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(c.requirement)}</span> },
    { key: 'product', label: f('productPreference'), children: text(c.preferences.product) },
    { key: 'communication', label: f('communicationPreference'), span: 2, children: text(c.preferences.communication) },
  ];
  const customItems: Items = custom
    .filter((d) => d.active || c.custom[d.key] !== undefined)
    .map((d) => ({ key: d.key, label: fieldDisplayName(d, i18n.language), children: <CustomFieldValue field={d} value={c.custom[d.key]} /> }));

  const section = (title: string, items: Items) => (
    <Descriptions title={title} size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} styles={{ label: { width: 120, color: '#8c8c8c' } }} />
  );
  return (
    <Card>
      <Flex vertical gap={24}>
        {section(t('customers.sections.basic'), basic)}
        {section(t('customers.sections.business'), business)}
        {section(t('customers.fields.requirement'), needs)}
        {customItems.length ? section(t('customers.sections.custom'), customItems) : null}
      </Flex>
    </Card>
  );
}
