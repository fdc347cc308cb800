import { Button, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { RequirePermission } from '../../components/route-guards';
import { SeriesFormModal } from '../../features/activities/components/series-form-modal';
import { SeriesTable } from '../../features/activities/components/series-table';
import { TaskFormModal } from '../../features/activities/components/task-form-modal';
import { TasksBoard } from '../../features/activities/components/tasks-board';
import { UserSelect } from '../../features/users/components/user-select';
import { useCan } from '../../lib/authorization';

export function TasksRoute() {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState<null | 'task' | 'series'>(null);
  const [tab, setTab] = useState('tasks');
  return (
    <RequirePermission module="tasks" action="view">
      <PageHeader
        title={t('activities.tasksPage.title')}
        description={t('activities.tasksPage.subtitle')}
        extra={can('tasks', 'create') ? (
          <>
            <Button onClick={() => setOpen('series')}>{t('activities.series.new')}</Button>
            <Button type="primary" onClick={() => setOpen('task')}>{t('activities.task.new')}</Button>
          </>
        ) : null}
      />
      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'tasks', label: t('activities.tasksPage.tabs.tasks'), children: <TasksBoard userSelect={<UserSelect />} /> },
        { key: 'series', label: t('activities.tasksPage.tabs.series'), children: <SeriesTable mine={false} /> },
      ]} />
      <TaskFormModal open={open === 'task'} userSelect={<UserSelect />} onClose={() => setOpen(null)} />
      <SeriesFormModal open={open === 'series'} userSelect={<UserSelect />} onClose={() => { setOpen(null); setTab('series'); }} />
    </RequirePermission>
  );
}
