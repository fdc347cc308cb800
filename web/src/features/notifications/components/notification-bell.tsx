import { BellOutlined } from '@ant-design/icons';
import type { TNotification } from '@guanxi/common/notifications';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSignedInMe } from '../../../lib/auth';
import { useFormatDate, useFormatRelative } from '../../../lib/format';
import { useNotifications } from '../api/get-notifications';
import { useMarkAllRead } from '../api/mark-all-read';
import { useMarkRead } from '../api/mark-read';
import { useNotificationStream } from '../api/notification-stream';
import { describeNotification } from './notification-text';

/** The bell in the header: unread count (live over SSE, polled as a fallback), the latest notices, mark read, and a click leads to the customer. */
export function NotificationBell() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const date = useFormatDate();
  const relative = useFormatRelative();
  const [open, setOpen] = useState(false);
  const live = useNotificationStream();
  const { data } = useNotifications(8, { live });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = data?.unread ?? 0;

  const openNotice = (n: TNotification, href: string | null) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (href) {
      setOpen(false);
      navigate(href);
    }
  };

  const content = (
    <div style={{ width: 380 }} data-testid="notifications">
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px' }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button type="link" size="small" disabled={!unread} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {data?.items.length ? (
        <List
          size="small"
          dataSource={data.items}
          style={{ maxHeight: 420, overflow: 'auto' }}
          renderItem={(n) => {
            const { text, href } = describeNotification(n, t, me.user.id);
            return (
              <List.Item
                className={`gx-notice${n.readAt ? '' : ' gx-notice-unread'}`}
                onClick={() => openNotice(n, href)}
                style={{ cursor: href || !n.readAt ? 'pointer' : 'default' }}
              >
                <Flex gap={10} align="flex-start" style={{ width: '100%' }}>
                  <Badge status={n.readAt ? 'default' : 'processing'} style={{ marginTop: 4 }} />
                  <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                    <Typography.Text style={{ fontWeight: n.readAt ? 400 : 500 }}>{text}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} title={date(n.createdAt)}>
                      {relative(n.createdAt)}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </List.Item>
            );
          }}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} arrow={false}>
      <Button type="text" aria-label={t('notifications.bell')} data-testid="notification-bell" data-live={live ? 'true' : 'false'}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 17 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
