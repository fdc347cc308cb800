import { z } from 'zod';
import { rule } from './validation';

/** A date-time with an offset (ISO 8601), as every follow-up, task and interaction time travels. */
export const zDateTime = z.string().trim().refine((v) => z.iso.datetime({ offset: true }).safeParse(v).success, rule('datetime'));

/** A calendar day, YYYY-MM-DD. */
export const zDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, rule('date'));

/**
 * Timeline event types of follow-ups, tasks and interactions, grouped for the customer 360 timeline's type filter
 * (`GET /customers/{id}/timeline?types=…`).
 */
export const ACTIVITY_TIMELINE_TYPES = {
  followup: ['followup_logged', 'followup_updated', 'followup_deleted'],
  task: ['task_created', 'task_done', 'task_cancelled', 'task_reopened'],
  interaction: ['interaction_logged', 'interaction_updated', 'interaction_deleted'],
} as const;
