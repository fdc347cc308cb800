import { Input, Select, Space, TreeSelect, type TreeSelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

export type UserFilterValues = { q: string; departmentId?: string; roleId?: string; active?: 'true' | 'false' };
export type Option = { value: string; label: string };

type UserFiltersProps = {
  value: UserFilterValues;
  onChange: (next: UserFilterValues) => void;
  departmentTree: TreeSelectProps['treeData'];
  roleOptions: Option[];
};

export function UserFilters({ value, onChange, departmentTree, roleOptions }: UserFiltersProps) {
  const { t } = useTranslation();
  return (
    <Space wrap size={12}>
      <Input.Search
        allowClear
        placeholder={t('users.searchPlaceholder')}
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q })}
        style={{ width: 240 }}
        aria-label={t('common.search')}
      />
      {departmentTree?.length ? (
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          treeData={departmentTree}
          value={value.departmentId}
          onChange={(departmentId?: string) => onChange({ ...value, departmentId })}
          placeholder={t('users.allDepartments')}
          style={{ width: 200 }}
          aria-label={t('users.department')}
        />
      ) : null}
      {roleOptions.length ? (
        <Select
          allowClear
          options={roleOptions}
          value={value.roleId}
          onChange={(roleId?: string) => onChange({ ...value, roleId })}
          placeholder={t('users.allRoles')}
          style={{ width: 160 }}
          aria-label={t('users.role')}
        />
      ) : null}
      <Select
        allowClear
        value={value.active}
        onChange={(active?: 'true' | 'false') => onChange({ ...value, active })}
        placeholder={t('users.allStatuses')}
        options={[
          { value: 'true', label: t('users.active') },
          { value: 'false', label: t('users.inactive') },
        ]}
        style={{ width: 130 }}
        aria-label={t('users.status')}
      />
    </Space>
  );
}
