import { STAFF_SIZES, ZSignupRequest } from '@guanxi/common/auth';
import { Button, Col, Divider, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useSchemaForm, webRule } from '../../../lib/form';
import { useSignup } from '../api/signup';
import { INDUSTRY_CODES } from './industry-options';

const ZSignupForm = ZSignupRequest.extend({ confirmPassword: z.string(webRule('errors.confirmRequired')).min(1, webRule('errors.confirmRequired')) }).refine(
  (v) => v.password === v.confirmPassword,
  { path: ['confirmPassword'], ...webRule('errors.passwordMismatch') },
);

export function SignupForm({ onSuccess }: { onSuccess: () => void }) {
  const { t, i18n } = useTranslation();
  const signup = useSignup();
  // The industry is stored as its name in the national standard (Chinese), whatever the UI language.
  const zh = i18n.getFixedT('zh-CN');
  const { formProps, submitting } = useSchemaForm({
    schema: ZSignupForm,
    onSubmit: async ({ confirmPassword: _confirm, ...body }) => {
      await signup.mutateAsync(body);
      onSuccess();
    },
  });

  return (
    <Form {...formProps} name="signup" layout="vertical" className="gx-signup-form">
      <Divider orientation="left" orientationMargin={0} plain style={{ marginTop: 0 }}>
        {t('auth.companySection')}
      </Divider>
      <Form.Item name="companyName" label={t('auth.companyName')} required>
        <Input placeholder={t('auth.companyNamePlaceholder')} autoComplete="organization" maxLength={100} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={14}>
          <Form.Item name="industry" label={t('auth.industry')} required>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('auth.industryPlaceholder')}
              options={INDUSTRY_CODES.map((code) => ({ value: zh(`industries.${code}`), label: t(`industries.${code}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="staffSize" label={t('auth.staffSize')} required>
            <Select
              placeholder={t('auth.staffSizePlaceholder')}
              options={STAFF_SIZES.map((s) => ({ value: s, label: t(`staffSizes.${s}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Divider orientation="left" orientationMargin={0} plain>
        {t('auth.adminSection')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="adminName" label={t('auth.adminName')} required>
            <Input placeholder={t('auth.adminNamePlaceholder')} autoComplete="name" maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="mobile" label={t('auth.mobile')} required>
            <Input placeholder={t('auth.mobilePlaceholder')} autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="email" label={t('auth.email')} required>
        <Input placeholder={t('auth.emailPlaceholder')} autoComplete="email" inputMode="email" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="password" label={t('auth.password')} required>
            <Input.Password placeholder={t('auth.passwordPlaceholder')} autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="confirmPassword" label={t('auth.confirmPassword')} required>
            <Input.Password placeholder={t('auth.confirmPasswordPlaceholder')} autoComplete="new-password" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" size="large" block loading={submitting} style={{ marginTop: 4 }}>
        {t('auth.signupSubmit')}
      </Button>
    </Form>
  );
}
