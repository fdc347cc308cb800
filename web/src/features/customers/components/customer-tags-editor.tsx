import { PlusOutlined } from '@ant-design/icons';
import type { TCustomer } from '@guanxi/common/customers';
import { Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess, notifyWarning } from '../../../lib/notify';
import { useBulkAction } from '../api/bulk-action';
import { useTags } from '../api/get-tags';
import { CustomerTagList } from './customer-tag-list';

/** Tags on the 360 page: × removes one, "+ 添加标签" picks or types a new one (no form, no version needed). */
export function CustomerTagsEditor({ customer, editable }: { customer: TCustomer; editable: boolean }) {
  const { t } = useTranslation();
  const bulk = useBulkAction();
  const { data: all = [] } = useTags();
  const [adding, setAdding] = useState(false);

  const change = async (action: 'addTags' | 'removeTags', tag: string) => {
    try {
      const res = await bulk.mutateAsync({ ids: [customer.id], action, tags: [tag] });
      if (res.failed[0]) notifyWarning(res.failed[0].message);
      else notifySuccess(t(action === 'addTags' ? 'customers.detail.tagAdded' : 'customers.detail.tagRemoved', { tag }));
    } catch (error) {
      notifyError(error);
    }
  };

  const adder = !editable ? null : adding ? (
    <Select
      autoFocus
      open
      size="small"
      showSearch
      style={{ width: 160 }}
      placeholder={t('customers.tagsPlaceholder')}
      options={all.filter((x) => !customer.tags.includes(x.name)).map((x) => ({ value: x.name, label: x.name }))}
      mode="tags"
      value={[]}
      onChange={(values: string[]) => {
        const tag = values[values.length - 1]?.trim();
        setAdding(false);
        if (tag && !customer.tags.includes(tag)) void change('addTags', tag);
      }}
      onBlur={() => setAdding(false)}
      aria-label={t('customers.detail.addTag')}
    />
  ) : (
    <Tag className="gx-tag-add" onClick={() => setAdding(true)} icon={<PlusOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('customers.detail.addTag')}
    </Tag>
  );

  return <CustomerTagList tags={customer.tags} closable={editable} onClose={(tag) => void change('removeTags', tag)} extra={adder} />;
}
