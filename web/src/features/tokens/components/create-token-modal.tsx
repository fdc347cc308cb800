import { ZCreateApiTokenRequest, type TCreatedApiToken } from '@guanxi/common/tokens';
import { Alert, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useCreateToken } from '../api/create-token';

const DAY_MS = 24 * 60 * 60 * 1000;
const VALIDITY = ['30', '90', '180', '365', 'never'] as const;

function CreateTokenForm({ onCreated, onClose }: { onCreated: (token: TCreatedApiToken) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const { formProps, submitting } = useSchemaForm({
    schema: ZCreateApiTokenRequest,
    prepare: ({ validity, ...values }) => ({
      ...values,
      expiresAt: validity === 'never' ? null : new Date(Date.now() + Number(validity) * DAY_MS).toISOString(),
    }),
    onSubmit: async (body) => onCreated(await create.mutateAsync(body)),
  });
  return (
    <Form {...formProps} name="token" layout="vertical" initialValues={{ validity: '90' }}>
      <Form.Item name="name" label={t('tokens.name')} required>
        <Input placeholder={t('tokens.namePlaceholder')} maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="validity" label={t('tokens.expires')}>
        <Select
          options={VALIDITY.map((v) => ({
            value: v,
            label: v === 'never' ? t('tokens.never') : v === '365' ? t('tokens.oneYear') : t('tokens.days', { count: Number(v) }),
          }))}
        />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('tokens.add')}
        </Button>
      </Flex>
    </Form>
  );
}

function TokenSecret({ token, onClose }: { token: TCreatedApiToken; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Alert type="warning" showIcon message={t('tokens.secretWarning')} />
      <Typography.Paragraph
        copyable={{ text: token.token, onCopy: () => notifySuccess(t('tokens.copied')), tooltips: [t('common.copy'), t('common.copied')] }}
        code
        style={{ wordBreak: 'break-all', fontSize: 14, marginBottom: 0 }}
        data-testid="token-secret"
      >
        {token.token}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('tokens.secretUsage')}</Typography.Text>
      <Flex justify="flex-end">
        <Button type="primary" onClick={onClose}>
          {t('tokens.done')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** Create a token; the secret is then shown once, with a copy button. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={created ? t('tokens.secretTitle') : t('tokens.createTitle')}
      footer={null}
      onCancel={close}
      maskClosable={!created}
      destroyOnHidden
      width={560}
    >
      {open && !created ? <CreateTokenForm onCreated={setCreated} onClose={close} /> : null}
      {created ? <TokenSecret token={created} onClose={close} /> : null}
    </Modal>
  );
}
