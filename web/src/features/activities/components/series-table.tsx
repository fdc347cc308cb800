import type { TTaskSeries } from '@guanxi/common/tasks';
import { Button, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useCan } from '../../../lib/authorization';
import { useFormatDay } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { useTaskSeries } from '../api/get-task-series';
import { useUpdateTaskSeries } from '../api/update-task-series';
import { PriorityTag } from './task-labels';

/** "每周三 14:00" in the UI language. */
export function useDescribeRule() {
  const { t } = useTranslation();
  return (s: TTaskSeries) => {
    const r = s.rule;
    if (r.freq === 'weekly') return t('activities.series.describeWeekly', { weekday: t(`activities.series.weekdays.${r.weekday ?? 1}` as 'activities.series.weekdays.1'), time: r.time });
    if (r.freq === 'monthly') return t('activities.series.describeMonthly', { day: r.monthDay ?? 1, time: r.time });
    return t('activities.series.describeDaily', { time: r.time });
  };
}

/** Recurring tasks with pause (cancels future open occurrences) and resume. */
export function SeriesTable({ mine }: { mine: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const day = useFormatDay();
  const describe = useDescribeRule();
  const update = useUpdateTaskSeries();
  const [page, setPage] = useState(1);
  const { data, isPending } = useTaskSeries({ mine: mine ? 'true' : undefined, page, pageSize: 20 });
  const toggle = (s: TTaskSeries) => update.mutateAsync({ id: s.id, version: s.version, active: !s.active }).catch(notifyError);
  const columns: TableColumnsType<TTaskSeries> = [
    { key: 'subject', title: t('activities.task.subject'), dataIndex: 'subject' },
    { key: 'rule', title: t('activities.series.rule'), render: (_, s) => describe(s) },
    { key: 'period', title: t('activities.series.startsOn'), render: (_, s) => `${day(s.startsOn)}${s.endsOn ? ` – ${day(s.endsOn)}` : ''}` },
    { key: 'type', title: t('activities.task.type'), render: (_, s) => t(`activities.taskTypes.${s.type}`) },
    { key: 'priority', title: t('activities.task.priority'), render: (_, s) => <PriorityTag priority={s.priority} /> },
    { key: 'assignee', title: t('activities.task.assignee'), render: (_, s) => s.assigneeName ?? '—' },
    { key: 'customer', title: t('activities.task.customer'), render: (_, s) => (s.customerId ? <Link to={paths.customers.detail.getHref(s.customerId)}>{s.customerName}</Link> : '—') },
    { key: 'status', title: t('activities.task.status'), render: (_, s) => <Tag color={s.active ? 'processing' : 'default'} bordered={false}>{t(s.active ? 'activities.series.active' : 'activities.series.paused')}</Tag> },
    {
      key: 'actions', title: t('common.actions'), render: (_, s) => !can('tasks', 'edit') ? null : s.active ? (
        <Popconfirm title={t('activities.series.pauseConfirm')} onConfirm={() => toggle(s)}>
          <Button size="small">{t('activities.series.pause')}</Button>
        </Popconfirm>
      ) : <Button size="small" onClick={() => void toggle(s)}>{t('activities.series.resume')}</Button>,
    },
  ];
  return (
    <Table<TTaskSeries> rowKey="id" loading={isPending} dataSource={data?.items ?? []} columns={columns} locale={{ emptyText: t('activities.series.empty') }}
      pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, size: 'small' }} />
  );
}
