import { ZMergeCustomersRequest, type TMergeCustomersResult } from '@guanxi/common/customer-merge';
import type { TCustomer } from '@guanxi/common/customers';
import { Alert, Button, Flex, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../lib/form';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useCustomers } from '../api/get-customers';
import { useMergeCustomer } from '../api/merge-customer';

type MergeModalProps = { open: boolean; customer: TCustomer; onClose: () => void };

function MergeForm({ customer, onClose }: Omit<MergeModalProps, 'open'>) {
  const { t } = useTranslation();
  const merge = useMergeCustomer();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const { data, isFetching } = useCustomers({ page: 1, pageSize: 20, q: q || customer.name.slice(0, 4) });
  const options = (data?.items ?? []).filter((c) => c.id !== customer.id).map((c) => ({ value: c.id, label: `${c.name}（${c.number}）`, owner: c.ownerName }));
  const [result, setResult] = useState<TMergeCustomersResult | null>(null);
  const { formProps, submitting } = useSchemaForm({
    schema: ZMergeCustomersRequest,
    prepare: (values) => ({ sourceId: values.sourceId, version: customer.version }),
    onSubmit: async (body) => {
      setResult(await merge.mutateAsync({ id: customer.id, ...body }));
    },
  });
  if (result) {
    return (
      <Flex vertical gap={12}>
        <Alert
          type="success"
          showIcon
          message={t('customers.merge.done')}
          description={t('customers.merge.summary', {
            contacts: result.movedContacts.length, tags: result.addedTags.length, attachments: result.movedAttachments,
            events: result.movedTimelineEvents, fields: result.filledFields.length,
          })}
        />
        <Flex justify="flex-end">
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Flex>
      </Flex>
    );
  }
  return (
    <Form {...formProps} name="merge" layout="vertical">
      <Typography.Paragraph type="secondary">{t('customers.merge.help', { name: customer.name })}</Typography.Paragraph>
      <Form.Item name="sourceId" label={t('customers.merge.source')} required>
        <Select
          showSearch
          filterOption={false}
          onSearch={setSearch}
          loading={isFetching}
          options={options}
          placeholder={t('customers.merge.sourcePlaceholder')}
          optionRender={(o) => (
            <Flex justify="space-between" gap={12}>
              <span>{o.data.label}</span>
              <Typography.Text type="secondary">{o.data.owner ?? ''}</Typography.Text>
            </Flex>
          )}
        />
      </Form.Item>
      <Alert type="warning" showIcon message={t('customers.merge.warning')} style={{ marginBottom: 16 }} />
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" danger htmlType="submit" loading={submitting}>
          {t('customers.merge.submit')}
        </Button>
      </Flex>
    </Form>
  );
}

/** 合并客户 (查重 → 合并): another customer's contacts, tags, attachments and history move into this one. */
export function MergeModal({ open, ...props }: MergeModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('customers.merge.title', { name: props.customer.name })} footer={null} onCancel={props.onClose} destroyOnHidden width={560}>
      {open ? <MergeForm {...props} /> : null}
    </Modal>
  );
}
