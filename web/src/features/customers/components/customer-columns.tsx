import { LockOutlined } from '@ant-design/icons';
import type { TCustomer } from '@guanxi/common/customers';
import { Flex, Tag, Tooltip, Typography, type TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CustomFieldValue } from '../../../components/custom-field-value';
import { paths } from '../../../config/paths';
import { fieldDisplayName, useCustomFields } from '../../../lib/custom-fields';
import { useDictionaryLabel } from '../../../lib/dictionaries';
import { formatMobile, useFormatDate, useFormatMoney, useFormatNumber } from '../../../lib/format';
import { CompletenessBar } from './completeness-bar';
import { CustomerStatusTag } from './customer-status-tag';
import { CustomerTagList } from './customer-tag-list';
import { PoolDaysTag } from './pool-days-tag';

type Column = TableColumnType<TCustomer>;
export type ColumnChoice = { key: string; label: string; fixed?: boolean };

export const DEFAULT_COLUMNS = ['name', 'status', 'industry', 'ownerName', 'tags', 'primaryContact', 'completeness', 'lastFollowUpAt'];
const BUILT_IN = [
  'name', 'number', 'status', 'type', 'industry', 'source', 'size', 'address', 'ownerName', 'tags', 'primaryContact', 'valueTier',
  'riskLevel', 'completeness', 'poolDaysLeft', 'lastFollowUpAt', 'firstContactAt', 'wonAt', 'requirement', 'purchaseFrequency',
  'avgOrderValue', 'staffCount', 'annualRevenue', 'createdAt', 'updatedAt',
] as const;
type BuiltIn = (typeof BUILT_IN)[number];
const SORTABLE = new Set(['name', 'number', 'status', 'completeness', 'lastFollowUpAt', 'createdAt', 'updatedAt']);

const secondary = (text: ReactNode) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {text}
  </Typography.Text>
);

/** Every column the customers list can show (built-in and custom fields), and the table columns for a choice. */
export function useCustomerColumns() {
  const { t, i18n } = useTranslation();
  const label = useDictionaryLabel();
  const date = useFormatDate();
  const money = useFormatMoney();
  const number = useFormatNumber();
  const { data: customFields = [] } = useCustomFields('customer');
  const active = customFields.filter((f) => f.active);

  const renderers: Record<BuiltIn, Omit<Column, 'key' | 'title'>> = {
    name: {
      width: 236,
      fixed: 'left',
      render: (_, c) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Flex gap={6} align="center" style={{ minWidth: 0 }}>
            <Link to={paths.customers.detail.getHref(c.id)} className="gx-customer-link">
              {c.name}
            </Link>
            {c.locked ? (
              <Tooltip title={t('customers.locked')}>
                <LockOutlined style={{ color: '#8c8c8c' }} />
              </Tooltip>
            ) : null}
          </Flex>
          <Flex gap={6} align="center" wrap>
            <span style={{ whiteSpace: 'nowrap' }}>{secondary(c.number)}</span>
            <PoolDaysTag days={c.poolDaysLeft} />
          </Flex>
        </Flex>
      ),
    },
    number: { width: 170, render: (_, c) => c.number },
    status: { width: 90, render: (_, c) => <CustomerStatusTag status={c.status} /> },
    type: { width: 100, render: (_, c) => t(`customers.types.${c.type}`) },
    industry: { width: 128, ellipsis: true, render: (_, c) => (c.industry === 'other' && c.industryNote ? `${label('industry', c.industry)} · ${c.industryNote}` : label('industry', c.industry)) },
    source: { width: 120, render: (_, c) => label('source', c.source) },
    size: { width: 170, ellipsis: true, render: (_, c) => label('size', c.size) },
    address: { width: 200, ellipsis: true, render: (_, c) => [c.address.province, c.address.city === '市辖区' ? null : c.address.city, c.address.district].filter(Boolean).join(' ') || '—' },
    ownerName: {
      width: 88,
      render: (_, c) => (c.poolId ? <Tag bordered={false}>{t('customers.inPool')}</Tag> : c.ownerName ?? '—'),
    },
    tags: { width: 150, render: (_, c) => (c.tags.length ? <CustomerTagList tags={c.tags} max={3} /> : '—') },
    primaryContact: {
      width: 118,
      render: (_, c) =>
        c.primaryContact ? (
          <Flex vertical>
            <span>{c.primaryContact.name}</span>
            {secondary(formatMobile(c.primaryContact.mobile))}
          </Flex>
        ) : (
          '—'
        ),
    },
    valueTier: { width: 90, render: (_, c) => (c.valueTier ? <Tag bordered={false} color="gold">{t('customers.tierTag', { tier: c.valueTier })}</Tag> : '—') },
    riskLevel: { width: 90, render: (_, c) => (c.riskLevel ? t(`customers.risks.${c.riskLevel}`) : '—') },
    completeness: { width: 124, render: (_, c) => <CompletenessBar score={c.completeness} /> },
    poolDaysLeft: { width: 120, render: (_, c) => (c.poolDaysLeft === null ? '—' : <PoolDaysTag days={c.poolDaysLeft} always />) },
    lastFollowUpAt: { width: 116, render: (_, c) => date(c.lastFollowUpAt) },
    firstContactAt: { width: 150, render: (_, c) => date(c.firstContactAt) },
    wonAt: { width: 120, render: (_, c) => date(c.wonAt, 'date') },
    requirement: { width: 240, ellipsis: { showTitle: true }, render: (_, c) => c.requirement ?? '—' },
    purchaseFrequency: { width: 110, align: 'right', render: (_, c) => number(c.purchaseFrequency) },
    avgOrderValue: { width: 130, align: 'right', render: (_, c) => money(c.avgOrderValue) },
    staffCount: { width: 110, align: 'right', render: (_, c) => number(c.staffCount) },
    annualRevenue: { width: 150, align: 'right', render: (_, c) => money(c.annualRevenue) },
    createdAt: { width: 150, render: (_, c) => date(c.createdAt) },
    updatedAt: { width: 150, render: (_, c) => date(c.updatedAt) },
  };

  const choices: ColumnChoice[] = [
    ...BUILT_IN.map((key) => ({ key, label: t(`customers.fields.${key}`), fixed: key === 'name' })),
    ...active.map((f) => ({ key: `custom.${f.key}`, label: fieldDisplayName(f, i18n.language) })),
  ];

  const build = (keys: string[], sort: string | undefined): Column[] => {
    const sortKey = sort?.replace(/^-/, '');
    const order = sort?.startsWith('-') ? 'descend' : 'ascend';
    const withSort = (key: string, column: Column): Column =>
      SORTABLE.has(key) || key.startsWith('custom.') ? { ...column, sorter: true, sortOrder: sortKey === key ? order : null } : column;
    const ordered = ['name', ...keys.filter((k) => k !== 'name')];
    return ordered.flatMap((key): Column[] => {
      if (key.startsWith('custom.')) {
        const field = active.find((f) => `custom.${f.key}` === key);
        if (!field) return [];
        const numeric = field.type === 'money' || field.type === 'number';
        return [withSort(key, { key, title: fieldDisplayName(field, i18n.language), width: 150, align: numeric ? 'right' : undefined, render: (_, c) => <CustomFieldValue field={field} value={c.custom[field.key]} /> })];
      }
      if (!(BUILT_IN as readonly string[]).includes(key)) return [];
      return [withSort(key, { key, title: t(`customers.fields.${key as BuiltIn}`), ...renderers[key as BuiltIn] })];
    });
  };
  return { choices, build };
}
