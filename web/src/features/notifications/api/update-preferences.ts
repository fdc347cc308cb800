import type { TNotificationPreferences, TNotificationPreferencesAnswer } from '@guanxi/common/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { preferencesQueryKey } from './get-preferences';

export const updatePreferences = (body: TNotificationPreferences) =>
  apiRequest<TNotificationPreferencesAnswer>('/notifications/preferences', { method: 'PUT', body });

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onSuccess: (answer) => queryClient.setQueryData(preferencesQueryKey, answer),
  });
}
