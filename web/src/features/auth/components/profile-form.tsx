import { LOCALES, type Locale } from '@guanxi/common/i18n';
import { ZUpdateProfileRequest } from '@guanxi/common/auth';
import { Button, Form, Input, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../../lib/auth';
import { changedFields, useSchemaForm } from '../../../lib/form';
import { changeLocale } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useUpdateProfile } from '../api/update-profile';

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

export function ProfileForm() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const update = useUpdateProfile();
  const original = useMemo(
    () => ({ name: me.user.name, mobile: me.user.mobile ?? '', locale: me.user.locale, timezone: me.user.timezone }),
    [me.user],
  );
  const { form, formProps, submitting } = useSchemaForm({
    schema: ZUpdateProfileRequest,
    prepare: (values) => changedFields(values, original),
    onSubmit: async (body) => {
      await update.mutateAsync(body);
      if (body.locale) await changeLocale(body.locale, { remember: true });
      notifySuccess(t('profile.saved'));
    },
  });

  useEffect(() => form.setFieldsValue(original), [form, original]);
  const zones = useMemo(() => timeZones(me.user.timezone), [me.user.timezone]);

  return (
    <Form {...formProps} name="profile" layout="vertical" initialValues={original} style={{ maxWidth: 480 }}>
      <Form.Item name="name" label={t('profile.name')} required>
        <Input maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item label={t('profile.email')} extra={t('profile.emailHelp')}>
        <Input value={me.user.email} disabled />
      </Form.Item>
      <Form.Item name="mobile" label={t('profile.mobile')}>
        <Input autoComplete="tel" inputMode="tel" />
      </Form.Item>
      <Form.Item name="locale" label={t('profile.language')}>
        <Select options={LOCALES.map((l: Locale) => ({ value: l, label: t(`language.${l}`) }))} />
      </Form.Item>
      <Form.Item name="timezone" label={t('profile.timezone')}>
        <Select showSearch placeholder={t('profile.timezonePlaceholder')} options={zones.map((z) => ({ value: z, label: z }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
