import { z } from 'zod';
import { zDateTime, zDay } from './activities';
import { ZPageQuery } from './pagination';
import { rule, zId, zOptionalText, zText, zVersion } from './validation';

/** Task types of PRODUCT.md M4: 电话, 拜访, 邮件, 线上会议, 其他. */
export const TASK_TYPES = ['call', 'visit', 'email', 'online_meeting', 'other'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
/** Where a task came from: entered, a follow-up's next time, a recurring series, or the follow-up SOP. */
export const TASK_SOURCES = ['manual', 'followup', 'recurring', 'sop'] as const;
/** A follow-up task is on time when done within this long after its due time (KPI 跟进及时率). */
export const ON_TIME_GRACE_MS = 24 * 60 * 60 * 1000;

export const ZTask = z.object({
  id: z.string(),
  subject: z.string(),
  type: z.enum(TASK_TYPES),
  description: z.string().nullable(),
  dueAt: z.string(),
  assigneeId: z.string(),
  assigneeName: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  contactId: z.string().nullable(),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  remindOffsetMinutes: z.number().int().nullable(),
  remindAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  overdue: z.boolean(),
  source: z.enum(TASK_SOURCES),
  followupId: z.string().nullable(),
  seriesId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTask = z.infer<typeof ZTask>;

const zOffset = z.number().int().min(0).max(10080);

export const ZCreateTaskRequest = z.object({
  subject: zText(200),
  type: z.enum(TASK_TYPES).default('call'),
  description: zOptionalText(2000),
  dueAt: zDateTime,
  assigneeId: zId.optional(),
  customerId: zId.nullish(),
  contactId: zId.nullish(),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  remindOffsetMinutes: zOffset.nullish(),
});
export type TCreateTaskRequest = z.input<typeof ZCreateTaskRequest>;

export const ZUpdateTaskRequest = z.object({
  version: zVersion,
  subject: zText(200).optional(),
  type: z.enum(TASK_TYPES).optional(),
  description: zOptionalText(2000),
  dueAt: zDateTime.optional(),
  assigneeId: zId.optional(),
  customerId: zId.nullish(),
  contactId: zId.nullish(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  remindOffsetMinutes: zOffset.nullish(),
});
export type TUpdateTaskRequest = z.infer<typeof ZUpdateTaskRequest>;

export const ZListTasksQuery = ZPageQuery.extend({
  mine: z.enum(['true', 'false']).optional(),
  assigneeId: zId.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  customerId: zId.optional(),
  source: z.enum(TASK_SOURCES).optional(),
  dueFrom: zDateTime.optional(),
  dueTo: zDateTime.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type TListTasksQuery = z.infer<typeof ZListTasksQuery>;

export const ZBulkTasksRequest = z.object({
  ids: z.array(zId).min(1).max(500),
  action: z.enum(['complete', 'reassign', 'cancel']),
  assigneeId: zId.optional(),
});
export type TBulkTasksRequest = z.infer<typeof ZBulkTasksRequest>;

/** A recurrence rule, read in the assignee's time zone: daily, weekly on a weekday (1 = Monday), monthly on a day. */
export const ZRecurrenceRule = z.object({
  freq: z.enum(['daily', 'weekly', 'monthly']),
  weekday: z.number().int().min(1).max(7).optional(),
  monthDay: z.number().int().min(1).max(31).optional(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, rule('time_of_day')),
}).superRefine((r, ctx) => {
  if (r.freq === 'weekly' && r.weekday === undefined) ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'rule:required' });
  if (r.freq === 'monthly' && r.monthDay === undefined) ctx.addIssue({ code: 'custom', path: ['monthDay'], message: 'rule:required' });
});
export type TRecurrenceRule = z.infer<typeof ZRecurrenceRule>;

export const ZTaskSeries = z.object({
  id: z.string(),
  subject: z.string(),
  type: z.enum(TASK_TYPES),
  description: z.string().nullable(),
  assigneeId: z.string(),
  assigneeName: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  contactId: z.string().nullable(),
  priority: z.enum(TASK_PRIORITIES),
  remindOffsetMinutes: z.number().int().nullable(),
  rule: ZRecurrenceRule,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTaskSeries = z.infer<typeof ZTaskSeries>;

export const ZCreateTaskSeriesRequest = z.object({
  subject: zText(200),
  type: z.enum(TASK_TYPES).default('other'),
  description: zOptionalText(2000),
  assigneeId: zId.optional(),
  customerId: zId.nullish(),
  contactId: zId.nullish(),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  remindOffsetMinutes: zOffset.nullish(),
  rule: ZRecurrenceRule,
  startsOn: zDay,
  endsOn: zDay.nullish(),
});
export type TCreateTaskSeriesRequest = z.input<typeof ZCreateTaskSeriesRequest>;

export const ZUpdateTaskSeriesRequest = z.object({ version: zVersion, active: z.boolean() });
export type TUpdateTaskSeriesRequest = z.infer<typeof ZUpdateTaskSeriesRequest>;

export const ZListTaskSeriesQuery = ZPageQuery.pick({ page: true, pageSize: true }).extend({ mine: z.enum(['true', 'false']).optional() });
export type TListTaskSeriesQuery = z.infer<typeof ZListTaskSeriesQuery>;
