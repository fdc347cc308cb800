import { fieldLabel } from '@guanxi/common/i18n';
import { ACTIONS, MODULES, type Permissions } from '@guanxi/common/permissions';
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';

export type AuditLookups = {
  departmentName: (id: string) => string | undefined;
  roleName: (id: string) => string | undefined;
  renderUser: (id: string) => ReactNode;
  /** Values another feature knows how to show (dictionary codes, amounts…); undefined falls back to the generic display. */
  formatValue?: (field: string, value: unknown) => ReactNode | undefined;
  /** Labels for fields the shared catalogue does not know (custom fields). */
  fieldLabel?: (field: string) => string | undefined;
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const KNOWN_FIELDS = ['revokedAt', 'prefix', 'passwordChangedAt', 'lastLoginAt', 'isSystem', 'userCount'] as const;

export function useAuditFieldLabel(): (field: string) => string {
  const { t } = useTranslation();
  return (field) =>
    (KNOWN_FIELDS as readonly string[]).includes(field)
      ? t(`audit.fields.${field as (typeof KNOWN_FIELDS)[number]}`)
      : fieldLabel(currentLocale(), field);
}

/** One side of a change, shown the way the rest of the app shows that field. */
export function AuditValue({ field, value, lookups }: { field: string; value: unknown; lookups: AuditLookups }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  const custom = lookups.formatValue?.(field, value);
  if (custom !== undefined) return <>{custom}</>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'string') {
    if (field === 'dataScope' && value in { self: 1, self_and_subordinates: 1, department: 1, department_and_children: 1, all: 1 }) {
      return <>{t(`dataScopes.${value as 'self'}`)}</>;
    }
    if (field === 'locale' && (value === 'zh-CN' || value === 'en')) return <>{t(`language.${value}`)}</>;
    if (field === 'departmentId' || field === 'parentId') return <>{lookups.departmentName(value) ?? value}</>;
    if (field === 'roleId') return <>{lookups.roleName(value) ?? value}</>;
    if (field === 'superiorId' || field === 'headId') return <>{lookups.renderUser(value)}</>;
    if (ISO.test(value)) return <>{formatDate(value)}</>;
    return <>{value}</>;
  }
  return <Typography.Text code>{JSON.stringify(value)}</Typography.Text>;
}

/** A permission-matrix change as granted (+) and withdrawn (−) cells instead of two JSON blobs. */
export function PermissionsDiff({ from, to }: { from: unknown; to: unknown }) {
  const { t } = useTranslation();
  const before = (from ?? {}) as Permissions;
  const after = (to ?? {}) as Permissions;
  const cells: Array<{ key: string; added: boolean; label: string }> = [];
  for (const m of MODULES) {
    for (const a of ACTIONS) {
      const was = before[m]?.includes(a) ?? false;
      const is = after[m]?.includes(a) ?? false;
      if (was !== is) cells.push({ key: `${m}.${a}`, added: is, label: `${t(`modules.${m}`)}·${t(`actions.${a}`)}` });
    }
  }
  return (
    <Flex wrap gap={4}>
      {cells.map((c) => (
        <Tag key={c.key} color={c.added ? 'green' : 'red'} bordered={false} style={{ marginInlineEnd: 0 }}>
          {c.added ? '+' : '−'} {c.label}
        </Tag>
      ))}
    </Flex>
  );
}
