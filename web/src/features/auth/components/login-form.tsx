import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { ZLoginRequest } from '@guanxi/common/auth';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../lib/form';
import { useLogin } from '../api/login';

/** Errors that belong to the whole form (wrong password, lockout, deactivated account), not to one field. */
const FORM_LEVEL = new Set(['INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS', 'ACCOUNT_DISABLED']);

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [formError, setFormError] = useState<string | null>(null);
  const { formProps, submitting } = useSchemaForm({
    schema: ZLoginRequest,
    onSubmit: async (body) => {
      setFormError(null);
      await login.mutateAsync(body);
      onSuccess();
    },
    onError: (error) => {
      if (!FORM_LEVEL.has(error.code)) return false;
      setFormError(error.message);
      return true;
    },
  });

  return (
    <Form {...formProps} name="login" layout="vertical" size="large" requiredMark={false}>
      <Form.Item name="email" label={t('auth.email')}>
        <Input prefix={<MailOutlined />} placeholder={t('auth.emailPlaceholder')} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')}>
        <Input.Password prefix={<LockOutlined />} placeholder={t('auth.loginPasswordPlaceholder')} autoComplete="current-password" />
      </Form.Item>
      {formError ? <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Button type="primary" htmlType="submit" block loading={submitting}>
        {t('auth.loginSubmit')}
      </Button>
    </Form>
  );
}
