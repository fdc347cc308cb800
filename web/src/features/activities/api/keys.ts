import type { QueryClient } from '@tanstack/react-query';

export const followupsQueryKey = ['followups'] as const;
export const tasksQueryKey = ['tasks'] as const;
export const taskSeriesQueryKey = ['task-series'] as const;
export const interactionsQueryKey = ['interactions'] as const;

/**
 * After any follow-up, task or interaction change: these lists, and the customer pages (timeline, last follow-up
 * time; the customers feature keys its queries under 'customers') and the notification bell.
 */
export function invalidateActivities(queryClient: QueryClient) {
  for (const key of [followupsQueryKey, tasksQueryKey, taskSeriesQueryKey, interactionsQueryKey, ['customers'], ['notifications']]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}
