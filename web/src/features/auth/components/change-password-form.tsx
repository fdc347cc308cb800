import { ZChangePasswordRequest } from '@guanxi/common/auth';
import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useSchemaForm, webRule } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useChangePassword } from '../api/change-password';

const ZChangePasswordForm = ZChangePasswordRequest.extend({ confirmPassword: z.string(webRule('errors.confirmRequired')).min(1, webRule('errors.confirmRequired')) }).refine(
  (v) => v.newPassword === v.confirmPassword,
  { path: ['confirmPassword'], ...webRule('errors.passwordMismatch') },
);

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const { form, formProps, submitting } = useSchemaForm({
    schema: ZChangePasswordForm,
    onSubmit: async ({ confirmPassword: _confirm, ...body }) => {
      await change.mutateAsync(body);
      form.resetFields();
      notifySuccess(t('profile.passwordChanged'));
    },
  });

  return (
    <Form {...formProps} name="password" layout="vertical" style={{ maxWidth: 480 }}>
      <Form.Item name="currentPassword" label={t('profile.currentPassword')} required>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('profile.newPassword')} required extra={t('auth.passwordPlaceholder')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirmPassword" label={t('profile.confirmPassword')} required>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('profile.changePassword')}
      </Button>
    </Form>
  );
}
