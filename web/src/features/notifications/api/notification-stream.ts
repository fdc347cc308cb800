import type { TNotificationStreamEvent } from '@guanxi/common/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { notificationsQueryKey, type NotificationsPage } from './get-notifications';

export const NOTIFICATION_STREAM_URL = '/api/v1/notifications/stream';

/**
 * Listens to the notification stream (Server-Sent Events): the unread count is updated at once and the list
 * refetched when something new arrives. Returns whether the stream is connected, so the bell can fall back to
 * polling while it is not (EventSource reconnects by itself).
 */
export function useNotificationStream(): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(NOTIFICATION_STREAM_URL, { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('notifications', (e: MessageEvent<string>) => {
      const event = JSON.parse(e.data) as TNotificationStreamEvent;
      queryClient.setQueriesData<NotificationsPage>({ queryKey: notificationsQueryKey }, (page) => (page ? { ...page, unread: event.unread } : page));
      void queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
    });
    return () => {
      source.close();
      setConnected(false);
    };
  }, [queryClient]);
  return connected;
}
