import type { TTask } from '@guanxi/common/tasks';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const PRIORITY_COLORS: Record<TTask['priority'], string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };
const STATUS_COLORS: Record<TTask['status'], string> = { open: 'processing', done: 'success', cancelled: 'default' };

export function PriorityTag({ priority }: { priority: TTask['priority'] }) {
  const { t } = useTranslation();
  return <Tag color={PRIORITY_COLORS[priority]} bordered={false}>{t(`activities.priorities.${priority}`)}</Tag>;
}

/** Open / done (on time or late) / cancelled, and overdue for open tasks past due. */
export function TaskStatusTag({ task }: { task: TTask }) {
  const { t } = useTranslation();
  if (task.overdue) return <Tag color="error" bordered={false}>{t('activities.task.overdue')}</Tag>;
  if (task.status === 'done' && task.onTime !== null) {
    return <Tag color={task.onTime ? 'success' : 'warning'} bordered={false}>{t(task.onTime ? 'activities.task.onTime' : 'activities.task.late')}</Tag>;
  }
  return <Tag color={STATUS_COLORS[task.status]} bordered={false}>{t(`activities.statuses.${task.status}`)}</Tag>;
}

/** Reminder choices; -1 stands for "no reminder" (antd selects cannot hold null). */
export function useRemindOptions() {
  const { t } = useTranslation();
  return [
    { value: -1, label: t('activities.task.remindNone') },
    { value: 0, label: t('activities.task.remindAt') },
    ...[5, 15, 30].map((m) => ({ value: m, label: t('activities.task.remindMinutes', { count: m }) })),
    { value: 60, label: t('activities.task.remindHours', { count: 1 }) },
    { value: 1440, label: t('activities.task.remindDays', { count: 1 }) },
  ];
}
