import type { TTask } from '@guanxi/common/tasks';
import { Button, Card, Segmented } from 'antd';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/authorization';
import { useTasks } from '../api/get-tasks';
import { TaskFormModal } from './task-form-modal';
import { TasksTable } from './tasks-table';

/** The customer's tasks (open first by due time, or all), with 新建任务 tied to the customer. */
export function CustomerTasksPanel({ customerId, userSelect }: { customerId: string; userSelect: ReactElement }) {
  const { t } = useTranslation();
  const can = useCan();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<TTask | null>(null);
  const { data, isPending } = useTasks({ customerId, status: status === 'open' ? 'open' : undefined, sort: status === 'open' ? 'dueAt' : '-dueAt', ...page });
  return (
    <Card
      title={
        <Segmented value={status} onChange={(v) => { setStatus(v as 'open' | 'all'); setPage((p) => ({ ...p, page: 1 })); }}
          options={[{ value: 'open', label: t('activities.tasksPage.views.open') }, { value: 'all', label: t('activities.tasksPage.views.all') }]} />
      }
      extra={can('tasks', 'create') ? <Button onClick={() => setOpen(true)}>{t('activities.task.new')}</Button> : null}
    >
      <TasksTable items={data?.items ?? []} loading={isPending} total={data?.total ?? 0} page={page.page} pageSize={page.pageSize}
        onPage={(p, s) => setPage({ page: p, pageSize: s })} showCustomer={false} onEdit={setEditing} />
      <TaskFormModal open={open} customerId={customerId} userSelect={userSelect} onClose={() => setOpen(false)} />
      {editing ? <TaskFormModal open task={editing} userSelect={userSelect} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
