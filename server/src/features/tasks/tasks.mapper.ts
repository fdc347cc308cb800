import type { TTask } from '@guanxi/common/tasks';
import { readBool, readTimestamp } from '../../db/dialect';
import type { TaskRow } from './tasks.repository';

/** Row → Task DTO; `overdue` is open and past its due time at `now`. */
export function toTask(r: TaskRow, now: Date): TTask {
  const dueAt = readTimestamp(r.due_at);
  return {
    id: r.id, subject: r.subject, type: r.type as TTask['type'], description: r.description, dueAt,
    assigneeId: r.assignee_id, assigneeName: r.assignee_name ?? null, customerId: r.customer_id, customerName: r.customer_name ?? null,
    contactId: r.contact_id, priority: r.priority as TTask['priority'], status: r.status as TTask['status'],
    remindOffsetMinutes: r.remind_offset_minutes, remindAt: readTimestamp(r.remind_at, true), remindedAt: readTimestamp(r.reminded_at, true),
    doneAt: readTimestamp(r.done_at, true), onTime: r.on_time === null ? null : readBool(r.on_time),
    overdue: r.status === 'open' && new Date(dueAt).getTime() < now.getTime(),
    source: r.source as TTask['source'], followupId: r.followup_id, seriesId: r.series_id, version: r.version,
    createdAt: readTimestamp(r.created_at), updatedAt: readTimestamp(r.updated_at),
  };
}

/** When the reminder of a task due at `dueAt` fires (null: no reminder). */
export function remindAtOf(dueAt: string, offsetMinutes: number | null): string | null {
  if (offsetMinutes === null) return null;
  return new Date(new Date(dueAt).getTime() - offsetMinutes * 60_000).toISOString();
}
