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
