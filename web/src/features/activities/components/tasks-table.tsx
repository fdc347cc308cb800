import { CheckOutlined, EditOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import type { TTask } from '@guanxi/common/tasks';
import { Button, Flex, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { useCan } from '../../../lib/authorization';
import { useFormatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCompleteTask } from '../api/complete-task';
import { useUpdateTask } from '../api/update-task';
import { PriorityTag, TaskStatusTag } from './task-labels';

type TasksTableProps = {
  items: TTask[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  showCustomer?: boolean;
  selected?: string[];
  onSelect?: (ids: string[]) => void;
  /** Shows an edit button per task. */
  onEdit?: (task: TTask) => void;
};

/** Tasks with one-click complete, cancel and reopen; selection for bulk actions when `onSelect` is given. */
export function TasksTable({ items, loading, total, page, pageSize, onPage, showCustomer = true, selected, onSelect, onEdit }: TasksTableProps) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const can = useCan();
  const complete = useCompleteTask();
  const update = useUpdateTask();
  const setStatus = (task: TTask, status: TTask['status']) =>
    update.mutateAsync({ id: task.id, version: task.version, status }).then(
      () => notifySuccess(t(status === 'cancelled' ? 'activities.task.cancelled' : 'activities.task.saved')),
      notifyError,
    );
  const editable = can('tasks', 'edit');
  const columns: TableColumnsType<TTask> = [
    {
      key: 'subject', title: t('activities.task.subject'), width: 210, render: (_, task) => (
        <Flex vertical gap={2}>
          <Typography.Text delete={task.status === 'cancelled'} strong={task.status === 'open'}>{task.subject}</Typography.Text>
          {task.description ? <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320, fontSize: 12 }}>{task.description}</Typography.Text> : null}
        </Flex>
      ),
    },
    { key: 'status', title: t('activities.task.status'), width: 90, render: (_, task) => <TaskStatusTag task={task} /> },
    { key: 'dueAt', title: t('activities.task.dueAt'), width: 140, render: (_, task) => <Typography.Text type={task.overdue ? 'danger' : undefined}>{date(task.dueAt)}</Typography.Text> },
    { key: 'type', title: t('activities.task.type'), width: 80, render: (_, task) => t(`activities.taskTypes.${task.type}`) },
    { key: 'priority', title: t('activities.task.priority'), width: 80, render: (_, task) => <PriorityTag priority={task.priority} /> },
    { key: 'assignee', title: t('activities.task.assignee'), width: 100, render: (_, task) => task.assigneeName ?? '—' },
    ...(showCustomer ? [{
      key: 'customer', title: t('activities.task.customer'), width: 180,
      render: (_: unknown, task: TTask) => (task.customerId ? <Link to={paths.customers.detail.getHref(task.customerId)}>{task.customerName}</Link> : '—'),
    }] : []),
    { key: 'source', title: t('activities.task.source'), width: 80, render: (_, task) => <Typography.Text type="secondary">{t(`activities.sources.${task.source}`)}</Typography.Text> },
    {
      key: 'actions', title: t('common.actions'), width: 150, fixed: 'right', render: (_, task) => editable ? (
        <Flex gap={4}>
          {task.status === 'open' ? (
            <>
              <Button size="small" type="primary" ghost icon={<CheckOutlined />} loading={complete.isPending && complete.variables === task.id}
                onClick={() => complete.mutateAsync(task.id).then(() => notifySuccess(t('activities.task.completed')), notifyError)}>
                {t('activities.task.complete')}
              </Button>
              {onEdit ? (
                <Tooltip title={t('activities.task.edit')}>
                  <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('activities.task.edit')} onClick={() => onEdit(task)} />
                </Tooltip>
              ) : null}
              <Tooltip title={t('activities.task.cancel')}>
                <Button size="small" type="text" icon={<StopOutlined />} aria-label={t('activities.task.cancel')} onClick={() => void setStatus(task, 'cancelled')} />
              </Tooltip>
            </>
          ) : (
            <Button size="small" type="text" icon={<RollbackOutlined />} onClick={() => void setStatus(task, 'open')}>{t('activities.task.reopen')}</Button>
          )}
        </Flex>
      ) : null,
    },
  ];
  return (
    <Table<TTask>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      scroll={{ x: 1150 }}
      locale={{ emptyText: t('activities.task.empty') }}
      rowSelection={onSelect ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys as string[]) } : undefined}
      pagination={{ current: page, pageSize, total, onChange: onPage, showSizeChanger: true, size: 'small' }}
      onRow={(task) => ({ 'data-testid': `task-row-${task.subject}` } as React.HTMLAttributes<HTMLElement>)}
    />
  );
}
