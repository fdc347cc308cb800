import { ZTransferRequest, type TCustomer } from '@guanxi/common/customers';
import { Alert, Button, Flex, Form, Input, Modal } from 'antd';
import { cloneElement, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../lib/auth';
import { useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useTransferCustomer } from '../api/transfer-customer';

type TransferModalProps = {
  open: boolean;
  customer: TCustomer;
  userSelect: ReactElement;
  onClose: () => void;
  /** After a transfer (e.g. to leave a page the new owner's customer no longer belongs on). */
  onTransferred?: (saved: TCustomer) => void;
};

function TransferForm({ customer, userSelect, onClose, onTransferred }: Omit<TransferModalProps, 'open'>) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const transfer = useTransferCustomer();
  const { formProps, submitting } = useSchemaForm({
    schema: ZTransferRequest,
    onSubmit: async (body) => {
      const saved = await transfer.mutateAsync({ id: customer.id, ...body });
      notifySuccess(t('customers.transferred', { name: saved.ownerName ?? '' }));
      onClose();
      onTransferred?.(saved);
    },
  });
  return (
    <Form {...formProps} name="transfer" layout="vertical">
      {me.role.dataScope === 'self' ? <Alert type="info" showIcon message={t('customers.newOwnerHint')} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="ownerId" label={t('customers.newOwner')} required extra={t('customers.transferHelp')}>
        {cloneElement(userSelect, { excludeId: customer.ownerId ?? undefined, placeholder: t('customers.newOwnerPlaceholder') })}
      </Form.Item>
      <Form.Item name="reason" label={t('customers.transferReason')}>
        <Input maxLength={200} placeholder={t('customers.transferReasonPlaceholder')} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('customers.transfer')}
        </Button>
      </Flex>
    </Form>
  );
}

/** 转移: a new owner and an optional reason; both owners are notified. */
export function TransferModal({ open, ...props }: TransferModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('customers.transferTitle', { name: props.customer.name })} footer={null} onCancel={props.onClose} destroyOnHidden width={480}>
      {open ? <TransferForm {...props} /> : null}
    </Modal>
  );
}
