import type { TFieldChange } from '@guanxi/common/audit';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditValue, PermissionsDiff, useAuditFieldLabel, type AuditLookups } from './audit-value';

const SHOWN = 4;

/** The field changes of one audit entry: "label: from → to" (just the value for a new record), the first few with a toggle. */
type AuditChangesProps = { changes: TFieldChange[]; lookups: AuditLookups; action: string };

export function AuditChanges({ changes, lookups, action }: AuditChangesProps) {
  const { t } = useTranslation();
  const generic = useAuditFieldLabel();
  const label = (field: string) => lookups.fieldLabel?.(field) ?? generic(field);
  const [expanded, setExpanded] = useState(false);
  if (!changes.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const visible = expanded ? changes : changes.slice(0, SHOWN);
  return (
    <Flex vertical gap={4}>
      {visible.map((c) => (
        <Flex key={c.field} gap={6} align="baseline" wrap>
          <Typography.Text type="secondary" style={{ flex: 'none' }}>
            {label(c.field)}:
          </Typography.Text>
          {c.field === 'permissions' ? (
            <PermissionsDiff from={c.from} to={c.to} />
          ) : action === 'create' && (c.from === null || c.from === undefined) ? (
            <AuditValue field={c.field} value={c.to} lookups={lookups} />
          ) : (
            <>
              <Typography.Text delete={c.from !== null && c.from !== undefined && c.from !== ''} type="secondary">
                <AuditValue field={c.field} value={c.from} lookups={lookups} />
              </Typography.Text>
              <ArrowRightOutlined style={{ fontSize: 11, color: '#8c8c8c' }} />
              <AuditValue field={c.field} value={c.to} lookups={lookups} />
            </>
          )}
        </Flex>
      ))}
      {changes.length > SHOWN ? (
        <Button type="link" size="small" style={{ padding: 0, alignSelf: 'flex-start' }} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('common.close') : t('audit.moreChanges', { count: changes.length - SHOWN })}
        </Button>
      ) : null}
    </Flex>
  );
}
