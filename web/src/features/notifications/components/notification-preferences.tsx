import { Alert, Button, Checkbox, Flex, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePreferences } from '../api/get-preferences';
import { useUpdatePreferences } from '../api/update-preferences';

const TYPE_KEYS = {
  'customer.transferred': 'customer_transferred',
  'customer.assigned': 'customer_assigned',
  'customer.returned_to_pool': 'customer_returned_to_pool',
  'customer.pool_warning': 'customer_pool_warning',
  'task.reminder': 'task_reminder',
  'task.assigned': 'task_assigned',
  'import.finished': 'import_finished',
} as const;
const isKnownType = (type: string): type is keyof typeof TYPE_KEYS => type in TYPE_KEYS;

/** 通知偏好: in-app notices always arrive; e-mail is switched on per user, then chosen per type. */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const { data, error, refetch } = usePreferences();
  const save = useUpdatePreferences();
  const [emailEnabled, setEmailEnabled] = useState(false);
  const [emailTypes, setEmailTypes] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (!data) return;
    setEmailEnabled(data.emailEnabled);
    setEmailTypes(data.emailTypes);
  }, [data]);

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <Skeleton active />;
  const label = (type: string) => (isKnownType(type) ? t(`notificationPrefs.types.${TYPE_KEYS[type]}`) : type);
  return (
    <Flex vertical gap={16} style={{ maxWidth: 560 }} data-testid="notification-preferences">
      <Typography.Text type="secondary">{t('notificationPrefs.inAppAlways')}</Typography.Text>
      {data.emailConfigured ? null : <Alert type="info" showIcon message={t('notificationPrefs.smtpMissing')} />}
      <Flex align="center" gap={12}>
        <Switch checked={emailEnabled} onChange={setEmailEnabled} aria-label={t('notificationPrefs.emailSwitch')} />
        <span>{t('notificationPrefs.emailSwitchTo', { email: data.email })}</span>
      </Flex>
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('notificationPrefs.byType')}</Typography.Text>
        {data.types.map((type) => (
          <Checkbox key={type} disabled={!emailEnabled} checked={emailTypes[type] !== false}
            onChange={(e) => setEmailTypes((prev) => ({ ...prev, [type]: e.target.checked }))}>
            {label(type)}
          </Checkbox>
        ))}
      </Flex>
      <div>
        <Button type="primary" loading={save.isPending}
          onClick={() => save.mutate({ emailEnabled, emailTypes }, { onSuccess: () => notifySuccess(t('notificationPrefs.saved')), onError: notifyError })}>
          {t('common.save')}
        </Button>
      </div>
    </Flex>
  );
}
