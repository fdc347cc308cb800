import type { TUser } from '@guanxi/common/users';
import { ZResetPasswordRequest } from '@guanxi/common/users';
import { Alert, Button, Flex, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useResetPassword } from '../api/reset-password';

function ResetPasswordForm({ user, onClose }: { user: TUser; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const { formProps, submitting } = useSchemaForm({
    schema: ZResetPasswordRequest,
    onSubmit: async (body) => {
      await reset.mutateAsync({ id: user.id, ...body });
      notifySuccess(t('users.passwordReset'));
      onClose();
    },
  });
  return (
    <Form {...formProps} name="reset-password" layout="vertical">
      <Alert type="info" showIcon message={t('users.resetPasswordHelp')} style={{ marginBottom: 16 }} />
      <Form.Item name="password" label={t('users.newPassword')} required extra={t('users.passwordPlaceholder')}>
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('users.resetPassword')}
        </Button>
      </Flex>
    </Form>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: TUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={Boolean(user)}
      title={user ? t('users.resetPasswordTitle', { name: user.name }) : null}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      {user ? <ResetPasswordForm user={user} onClose={onClose} /> : null}
    </Modal>
  );
}
