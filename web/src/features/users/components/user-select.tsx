import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDirectoryEntry, useUserDirectory } from '../api/get-user-directory';

type UserSelectProps = {
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  /** A user who may not be picked (e.g. the user being edited, as their own superior). */
  excludeId?: string;
  id?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
};

/** Picks an active colleague from the tenant's directory by name (shows the department beside it). */
export function UserSelect({ value, onChange, placeholder, excludeId, id, disabled, style }: UserSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const { data, isFetching } = useUserDirectory({ page: 1, pageSize: 20, q: q || undefined, active: 'true' });
  const listed = data?.items ?? [];
  const { data: current } = useDirectoryEntry(value && !listed.some((u) => u.id === value) ? value : null);
  const users = [...(current ? [current] : []), ...listed].filter((u) => u.id !== excludeId);

  return (
    <Select
      id={id}
      disabled={disabled}
      style={style}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      loading={isFetching}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      placeholder={placeholder ?? t('users.superiorPlaceholder')}
      notFoundContent={isFetching ? t('common.loading') : undefined}
      options={users.map((u) => ({ value: u.id, label: u.name, department: u.departmentName ?? '' }))}
      optionRender={(option) => (
        <Flex justify="space-between" gap={12}>
          <span>{option.data.label}</span>
          <Typography.Text type="secondary" ellipsis>
            {option.data.department}
          </Typography.Text>
        </Flex>
      )}
    />
  );
}
