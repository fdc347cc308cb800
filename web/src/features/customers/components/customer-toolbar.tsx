import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Input, Select, Tooltip } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countRules } from '../../../components/condition-builder/condition-tree';
import { useDictionaryOptions } from '../../../lib/dictionaries';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useTags } from '../api/get-tags';
import type { ListState } from './customer-list-state';

type ToolbarProps = {
  state: ListState;
  onChange: (patch: Partial<ListState>) => void;
  onAdvanced: () => void;
  /** The owner quick filter (a user picker); absent for roles that only see their own customers. */
  ownerFilter?: ReactNode;
  extra?: ReactNode;
};

/** Keyword search (as you type) and the quick filters every rep uses: 状态, 负责人, 行业, 来源, 标签. */
export function CustomerToolbar({ state, onChange, onAdvanced, ownerFilter, extra }: ToolbarProps) {
  const { t } = useTranslation();
  const status = useDictionaryOptions('status');
  const industry = useDictionaryOptions('industry');
  const source = useDictionaryOptions('source');
  const { data: tags = [] } = useTags();
  const [text, setText] = useState(state.q);
  const debounced = useDebouncedValue(text, 400);

  // Typing searches after a pause; a new URL (a view, a reset, the back button) refills the box.
  useEffect(() => {
    if (debounced.trim() !== state.q.trim()) onChange({ q: debounced, page: 1 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the typed text settles
  }, [debounced]);
  useEffect(() => setText((current) => (current.trim() === state.q.trim() ? current : state.q)), [state.q]);

  const advancedCount = countRules(state.advanced);
  const multi = (key: 'status' | 'industry' | 'source' | 'tags', options: Array<{ value: string; label: string }>, placeholder: string, width: number) => (
    <Select
      mode="multiple"
      allowClear
      showSearch
      optionFilterProp="label"
      maxTagCount="responsive"
      value={state[key]}
      onChange={(value: string[]) => onChange({ [key]: value, page: 1 })}
      options={options}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width }}
      popupMatchSelectWidth={false}
    />
  );

  return (
    <Flex justify="space-between" align="flex-start" gap={12} wrap>
      <Flex gap={8} wrap align="center" style={{ flex: 1, minWidth: 0 }}>
        <Input
          allowClear
          prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => onChange({ q: text, page: 1 })}
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('common.search')}
          style={{ width: 260 }}
          data-testid="customer-search"
        />
        {multi('status', status, t('customers.fields.status'), 120)}
        {ownerFilter}
        {multi('industry', industry, t('customers.fields.industry'), 130)}
        {multi('source', source, t('customers.fields.source'), 120)}
        <Tooltip title={t('customers.tagsFilterHelp')}>
          <span>{multi('tags', tags.map((tag) => ({ value: tag.name, label: tag.name })), t('customers.fields.tags'), 150)}</span>
        </Tooltip>
        <Badge count={advancedCount} size="small" color="#1677ff">
          <Button icon={<FilterOutlined />} onClick={onAdvanced} type={advancedCount ? 'primary' : 'default'} ghost={advancedCount > 0}>
            {t('customers.advancedFilter')}
          </Button>
        </Badge>
      </Flex>
      {extra ? <Flex gap={8}>{extra}</Flex> : null}
    </Flex>
  );
}
