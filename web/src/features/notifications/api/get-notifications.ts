import type { TNotification } from '@guanxi/common/notifications';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type NotificationsPage = { items: TNotification[]; total: number; page: number; pageSize: number; unread: number };

export const notificationsQueryKey = ['notifications'] as const;

export const getNotifications = (pageSize: number) => api.get<NotificationsPage>('/notifications', { page: 1, pageSize });

export const getNotificationsQueryOptions = (pageSize: number) =>
  queryOptions({ queryKey: [...notificationsQueryKey, pageSize], queryFn: () => getNotifications(pageSize), staleTime: 0 });

/** The latest notices and the unread count (the bell in the header): polled every 30 s unless the live stream is connected. */
export function useNotifications(pageSize = 8, { live = false }: { live?: boolean } = {}) {
  return useQuery({ ...getNotificationsQueryOptions(pageSize), refetchInterval: live ? false : 30_000, refetchIntervalInBackground: false });
}
