import { z } from 'zod';
import { ZPageQuery } from './pagination';

/** An in-app notice. `type` names the message (e.g. customer.transferred); `data` fills it in the user's language. */
export const ZNotification = z.object({
  id: z.string(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationsQuery = ZPageQuery.pick({ page: true, pageSize: true }).extend({ unread: z.enum(['true', 'false']).optional() });
export type TNotificationsQuery = z.infer<typeof ZNotificationsQuery>;

export const ZNotificationsPage = z.object({
  items: z.array(ZNotification),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unread: z.number().int(),
});

/**
 * Notification types a user can choose to receive by e-mail (in-app they always arrive). Modules add their types
 * here; the server has an e-mail template per type (server/src/lib/email-templates.ts) and a generic one otherwise.
 */
export const NOTIFICATION_TYPES = ['customer.transferred', 'customer.assigned', 'customer.returned_to_pool', 'customer.pool_warning', 'task.reminder', 'task.assigned', 'import.finished'] as const;

export const ZNotificationPreferences = z.object({
  /** The user-level switch: no e-mail at all when false. */
  emailEnabled: z.boolean(),
  /** Per type: false = not by e-mail. Types not listed are sent when `emailEnabled`. */
  emailTypes: z.record(z.string().max(64), z.boolean()),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

export const ZNotificationPreferencesAnswer = ZNotificationPreferences.extend({
  types: z.array(z.string()),
  /** False when the server has no SMTP_URL: e-mail preferences are kept but nothing is sent. */
  emailConfigured: z.boolean(),
  email: z.string(),
});
export type TNotificationPreferencesAnswer = z.infer<typeof ZNotificationPreferencesAnswer>;

/** What the live stream (GET /notifications/stream, Server-Sent Events) sends: the unread count and new notices. */
export const ZNotificationStreamEvent = z.object({ unread: z.number().int(), latest: z.array(ZNotification) });
export type TNotificationStreamEvent = z.infer<typeof ZNotificationStreamEvent>;
