import type { TNotification } from '@guanxi/common/notifications';
import { Badge, Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSignedInMe } from '../../../lib/auth';
import { useFormatRelative } from '../../../lib/format';
import { useNotifications } from '../api/get-notifications';
import { useMarkAllRead } from '../api/mark-all-read';
import { useMarkRead } from '../api/mark-read';
import { describeNotification } from './notification-text';

/** The notification centre as a card (the workbench): the latest notices, open one, mark all read. */
export function NotificationsCard() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const relative = useFormatRelative();
  const { data, isPending } = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const open = (n: TNotification, href: string | null) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (href) navigate(href);
  };
  return (
    <Card title={t('notifications.title')} extra={
      <Button type="link" size="small" disabled={!data?.unread} loading={markAll.isPending} onClick={() => markAll.mutate()}>{t('notifications.markAllRead')}</Button>
    }>
      <List
        size="small"
        loading={isPending}
        dataSource={(data?.items ?? []).slice(0, 6)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> }}
        renderItem={(n) => {
          const { text, href } = describeNotification(n, t, me.user.id);
          return (
            <List.Item onClick={() => open(n, href)} style={{ cursor: href ? 'pointer' : 'default' }} data-testid="workbench-notice">
              <Flex gap={10} align="flex-start">
                <Badge status={n.readAt ? 'default' : 'processing'} style={{ marginTop: 4 }} />
                <Flex vertical gap={2}>
                  <Typography.Text style={{ fontWeight: n.readAt ? 400 : 500 }}>{text}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{relative(n.createdAt)}</Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
