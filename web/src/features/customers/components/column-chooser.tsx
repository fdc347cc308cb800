import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Flex, Popover, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COLUMNS, type ColumnChoice } from './customer-columns';

const storageKey = (userId: string) => `guanxi.customers.columns.${userId}`;

/** The columns this user chose for the customers list, remembered on this browser. */
export function useColumnPreference(userId: string): [string[], (keys: string[]) => void] {
  const [keys, setKeys] = useState<string[]>(() => {
    try {
      const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey(userId)) ?? 'null');
      return Array.isArray(stored) && stored.every((k) => typeof k === 'string') ? stored : DEFAULT_COLUMNS;
    } catch {
      return DEFAULT_COLUMNS;
    }
  });
  const save = useCallback(
    (next: string[]) => {
      setKeys(next);
      try {
        window.localStorage.setItem(storageKey(userId), JSON.stringify(next));
      } catch {
        // Private mode: the choice lasts for this visit.
      }
    },
    [userId],
  );
  return [keys, save];
}

type ChooserProps = { choices: ColumnChoice[]; value: string[]; onChange: (keys: string[]) => void };

/** 显示列: built-in and custom-field columns, in the order of the list. */
export function ColumnChooser({ choices, value, onChange }: ChooserProps) {
  const { t } = useTranslation();
  const selected = new Set(value);
  const toggle = (key: string, on: boolean) => onChange(choices.map((c) => c.key).filter((k) => (k === key ? on : selected.has(k))));
  const content = (
    <div style={{ width: 360 }}>
      <div className="gx-column-grid">
        {choices.map((c) => (
          <Checkbox key={c.key} checked={c.fixed || selected.has(c.key)} disabled={c.fixed} onChange={(e) => toggle(c.key, e.target.checked)}>
            {c.label}
          </Checkbox>
        ))}
      </div>
      <Divider style={{ margin: '12px 0' }} />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('customers.columnsSelected', { count: choices.filter((c) => c.fixed || selected.has(c.key)).length })}
        </Typography.Text>
        <Button size="small" type="link" onClick={() => onChange(DEFAULT_COLUMNS)}>
          {t('customers.columnsDefault')}
        </Button>
      </Flex>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('customers.columns')} content={content}>
      <Button size="small" icon={<SettingOutlined />}>
        {t('customers.columns')}
      </Button>
    </Popover>
  );
}
