import type { TNotification } from '@guanxi/common/notifications';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type NotificationsPage = { items: TNotification[]; total: number; page: number; pageSize: number; unread: number };

export const notificationsQueryKey = ['notifications'] as const;

export const getNotifications = (pageSize: number) => api.get<NotificationsPage>('/notifications', { page: 1, pageSize });

export const getNotificationsQueryOptions = (pageSize: number) =>
  queryOptions({ queryKey: [...notificationsQueryKey, pageSize], queryFn: () => getNotifications(pageSize), staleTime: 0 });

/** The latest notices and the unread count, polled every 30 s (the bell in the header). */
export function useNotifications(pageSize = 8) {
  return useQuery({ ...getNotificationsQueryOptions(pageSize), refetchInterval: 30_000, refetchIntervalInBackground: false });
}
