import { CheckOutlined } from '@ant-design/icons';
import type { TTask } from '@guanxi/common/tasks';
import { Badge, Button, Card, Empty, Flex, List, Segmented, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useFormatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCompleteTask } from '../api/complete-task';
import { useTasks } from '../api/get-tasks';
import { PriorityTag, TaskStatusTag } from './task-labels';

type View = 'today' | 'overdue' | 'upcoming';

function TaskItem({ task }: { task: TTask }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const complete = useCompleteTask();
  return (
    <List.Item
      data-testid="workbench-task"
      actions={[
        <Tooltip key="done" title={t('activities.task.complete')}>
          <Button shape="circle" icon={<CheckOutlined />} aria-label={`${t('activities.task.complete')} ${task.subject}`} loading={complete.isPending}
            onClick={() => complete.mutateAsync(task.id).then(() => notifySuccess(t('activities.task.completed')), notifyError)} />
        </Tooltip>,
      ]}
    >
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{task.subject}</Typography.Text>
          <PriorityTag priority={task.priority} />
          {task.overdue ? <TaskStatusTag task={task} /> : null}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {date(task.dueAt)} · {t(`activities.taskTypes.${task.type}`)}
          {task.customerId ? <> · <Link to={paths.customers.detail.getHref(task.customerId)}>{task.customerName}</Link></> : null}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/** 工作台 tasks: today, overdue and the coming week, each completed in one click. */
export function WorkbenchTasks() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('today');
  const now = dayjs();
  const queries = {
    today: { mine: 'true' as const, status: 'open' as const, dueFrom: now.startOf('day').toISOString(), dueTo: now.endOf('day').toISOString(), sort: 'dueAt', pageSize: 8 },
    overdue: { mine: 'true' as const, overdue: 'true' as const, sort: 'dueAt', pageSize: 8 },
    upcoming: { mine: 'true' as const, status: 'open' as const, dueFrom: now.endOf('day').toISOString(), dueTo: now.add(7, 'day').endOf('day').toISOString(), sort: 'dueAt', pageSize: 8 },
  };
  const today = useTasks(queries.today);
  const overdue = useTasks(queries.overdue);
  const upcoming = useTasks(queries.upcoming);
  const current = { today, overdue, upcoming }[view];
  const label = (v: View, count: number | undefined) => (
    <Flex gap={6} align="center">{t(`activities.workbench.${v}`)}<Badge count={count ?? 0} showZero color={v === 'overdue' && count ? '#ff4d4f' : '#1677ff'} size="small" /></Flex>
  );
  return (
    <Card title={t('activities.workbench.myTasks')} extra={<Link to={paths.tasks.getHref()}>{t('activities.workbench.allTasks')}</Link>}>
      <Segmented value={view} onChange={(v) => setView(v as View)} style={{ marginBottom: 12 }} options={[
        { value: 'today', label: label('today', today.data?.total) },
        { value: 'overdue', label: label('overdue', overdue.data?.total) },
        { value: 'upcoming', label: label('upcoming', upcoming.data?.total) },
      ]} />
      <List
        loading={current.isPending}
        dataSource={current.data?.items ?? []}
        renderItem={(task) => <TaskItem task={task} />}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`activities.workbench.empty.${view}`)} /> }}
      />
    </Card>
  );
}
