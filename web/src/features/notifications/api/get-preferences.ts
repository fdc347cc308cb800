import type { TNotificationPreferencesAnswer } from '@guanxi/common/notifications';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const preferencesQueryKey = ['notification-preferences'] as const;

export const getPreferences = () => api.get<TNotificationPreferencesAnswer>('/notifications/preferences');

export const getPreferencesQueryOptions = () => queryOptions({ queryKey: preferencesQueryKey, queryFn: getPreferences });

export function usePreferences() {
  return useQuery(getPreferencesQueryOptions());
}
