import type { TCustomer } from '@guanxi/common/customers';
import { ZReturnRequest } from '@guanxi/common/pools';
import { Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useReturnToPool } from '../api/return-to-pool';

type Option = { value: string; label: string };
type ReturnModalProps = { open: boolean; customer: TCustomer; pools: Option[]; onClose: () => void };

function ReturnForm({ customer, pools, onClose }: Omit<ReturnModalProps, 'open'>) {
  const { t } = useTranslation();
  const returnToPool = useReturnToPool();
  const { formProps, submitting } = useSchemaForm({
    schema: ZReturnRequest,
    onSubmit: async (body) => {
      await returnToPool.mutateAsync({ id: customer.id, ...body });
      notifySuccess(t('customers.returned'));
      onClose();
    },
  });
  return (
    <Form {...formProps} name="return" layout="vertical" initialValues={{ poolId: pools[0]?.value }}>
      <Typography.Paragraph type="secondary">{t('customers.returnHelp')}</Typography.Paragraph>
      {pools.length > 1 ? (
        <Form.Item name="poolId" label={t('customers.returnPool')}>
          <Select options={pools} />
        </Form.Item>
      ) : null}
      <Form.Item name="reason" label={t('customers.returnReason')}>
        <Input maxLength={200} placeholder={t('customers.returnReasonPlaceholder')} autoFocus />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" danger htmlType="submit" loading={submitting}>
          {t('customers.returnToPool')}
        </Button>
      </Flex>
    </Form>
  );
}

/** 退回公海 by hand, with a reason the timeline keeps. */
export function ReturnToPoolModal({ open, ...props }: ReturnModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('customers.returnTitle', { name: props.customer.name })} footer={null} onCancel={props.onClose} destroyOnHidden width={480}>
      {open ? <ReturnForm {...props} /> : null}
    </Modal>
  );
}
