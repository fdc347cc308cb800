import type { TBulkResult } from '@guanxi/common/customers';
import type { TTask } from '@guanxi/common/tasks';
import { Alert, Button, Card, DatePicker, Flex, Input, Modal, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { cloneElement, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/authorization';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useBulkTasks } from '../api/bulk-tasks';
import { useTasks, type TasksQuery } from '../api/get-tasks';
import { TaskFormModal } from './task-form-modal';
import { TasksTable } from './tasks-table';

const VIEWS = ['open', 'today', 'overdue', 'upcoming', 'done', 'all'] as const;
type View = (typeof VIEWS)[number];

/** The list filter of each view; time windows are in the browser's day. */
function viewQuery(view: View): TasksQuery {
  const now = dayjs();
  switch (view) {
    case 'open': return { status: 'open', sort: 'dueAt' };
    case 'today': return { status: 'open', dueFrom: now.startOf('day').toISOString(), dueTo: now.endOf('day').toISOString(), sort: 'dueAt' };
    case 'overdue': return { overdue: 'true', sort: 'dueAt' };
    case 'upcoming': return { status: 'open', dueFrom: now.toISOString(), dueTo: now.add(7, 'day').toISOString(), sort: 'dueAt' };
    case 'done': return { status: 'done', sort: '-dueAt' };
    default: return { sort: '-dueAt' };
  }
}

/** The 任务 page list: mine or all visible, by view, keyword search, bulk complete / reassign / cancel. */
export function TasksBoard({ userSelect }: { userSelect: ReactElement }) {
  const { t } = useTranslation();
  const can = useCan();
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [view, setView] = useState<View>('open');
  const [q, setQ] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [reassign, setReassign] = useState<{ open: boolean; to: string | null }>({ open: false, to: null });
  const [result, setResult] = useState<TBulkResult | null>(null);
  const [editing, setEditing] = useState<TTask | null>(null);
  const query = useMemo(() => ({
    ...viewQuery(view),
    // A chosen due range replaces the view's own window; a chosen assignee replaces "mine".
    ...(range ? { dueFrom: range[0].startOf('day').toISOString(), dueTo: range[1].endOf('day').toISOString() } : {}),
    mine: scope === 'mine' && !assigneeId ? 'true' as const : undefined,
    assigneeId: scope === 'all' ? assigneeId ?? undefined : undefined,
    q: q || undefined,
    ...paging,
  }), [view, scope, q, paging, range, assigneeId]);
  const { data, isPending } = useTasks(query);
  const bulk = useBulkTasks();
  const names = new Map((data?.items ?? []).map((x: TTask) => [x.id, x.subject]));
  const reset = () => setPaging((p) => ({ ...p, page: 1 }));

  const run = (action: 'complete' | 'reassign' | 'cancel', assigneeId?: string) =>
    bulk.mutateAsync({ action, ids: selected, assigneeId }).then((res) => {
      setSelected([]);
      setReassign({ open: false, to: null });
      if (res.failed.length) setResult(res);
      else notifySuccess(t('activities.tasksPage.bulkDone', { count: res.done.length }));
    }, notifyError);

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" gap={12} wrap>
          <Flex gap={12} wrap>
            <Segmented value={scope} onChange={(v) => { setScope(v as 'mine' | 'all'); reset(); }}
              options={(['mine', 'all'] as const).map((s) => ({ value: s, label: t(`activities.tasksPage.scope.${s}`) }))} />
            <Segmented value={view} onChange={(v) => { setView(v as View); reset(); setSelected([]); }}
              options={VIEWS.map((v) => ({ value: v, label: t(`activities.tasksPage.views.${v}`) }))} />
          </Flex>
          <Flex gap={8} wrap>
            {scope === 'all' ? cloneElement(userSelect as ReactElement<{ value?: string | null; onChange?: (v: string | null) => void; style?: React.CSSProperties; placeholder?: string }>, {
              value: assigneeId, onChange: (v: string | null) => { setAssigneeId(v); reset(); }, style: { width: 180 }, placeholder: t('activities.tasksPage.assigneeFilter'),
            }) : null}
            <DatePicker.RangePicker value={range} onChange={(v) => { setRange(v && v[0] && v[1] ? [v[0], v[1]] : null); reset(); }}
              placeholder={[t('activities.tasksPage.dueFrom'), t('activities.tasksPage.dueTo')]} style={{ width: 260 }} />
            <Input.Search allowClear placeholder={t('activities.tasksPage.search')} style={{ width: 220 }} onSearch={(v) => { setQ(v.trim()); reset(); }} />
          </Flex>
        </Flex>
        {selected.length && can('tasks', 'edit') ? (
          <Flex gap={8} align="center" className="gx-bulk-bar">
            <Typography.Text>{t('activities.tasksPage.selected', { count: selected.length })}</Typography.Text>
            <Button type="primary" size="small" loading={bulk.isPending} onClick={() => void run('complete')}>{t('activities.tasksPage.bulkComplete')}</Button>
            <Button size="small" onClick={() => setReassign({ open: true, to: null })}>{t('activities.tasksPage.bulkReassign')}</Button>
            <Button size="small" danger onClick={() => void run('cancel')}>{t('activities.tasksPage.bulkCancel')}</Button>
          </Flex>
        ) : null}
        <TasksTable items={data?.items ?? []} loading={isPending} total={data?.total ?? 0} page={paging.page} pageSize={paging.pageSize}
          onPage={(page, pageSize) => setPaging({ page, pageSize })} selected={selected} onSelect={can('tasks', 'edit') ? setSelected : undefined} onEdit={setEditing} />
      </Flex>
      {editing ? <TaskFormModal open task={editing} userSelect={userSelect} onClose={() => setEditing(null)} /> : null}
      <Modal open={reassign.open} title={t('activities.tasksPage.reassignTitle', { count: selected.length })} okButtonProps={{ disabled: !reassign.to, loading: bulk.isPending }}
        onOk={() => void run('reassign', reassign.to ?? undefined)} onCancel={() => setReassign({ open: false, to: null })} destroyOnHidden>
        <Typography.Paragraph>{t('activities.tasksPage.reassignTo')}</Typography.Paragraph>
        {cloneElement(userSelect as ReactElement<{ value?: string | null; onChange?: (v: string | null) => void; style?: React.CSSProperties }>, {
          value: reassign.to, onChange: (to: string | null) => setReassign((r) => ({ ...r, to })), style: { width: '100%' },
        })}
      </Modal>
      <Modal open={Boolean(result)} title={t('activities.tasksPage.bulkDone', { count: result?.done.length ?? 0 })} onOk={() => setResult(null)} onCancel={() => setResult(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        {result ? (
          <Flex vertical gap={8}>
            <Alert type="warning" showIcon message={t('activities.tasksPage.bulkResult', { done: result.done.length, failed: result.failed.length })} />
            {result.failed.map((f) => (
              <Typography.Text key={f.id}><Typography.Text strong>{names.get(f.id) ?? f.id}</Typography.Text>：<Typography.Text type="danger">{f.message}</Typography.Text></Typography.Text>
            ))}
          </Flex>
        ) : null}
      </Modal>
    </Card>
  );
}
