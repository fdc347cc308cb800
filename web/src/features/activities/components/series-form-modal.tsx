import { TASK_PRIORITIES, TASK_TYPES, ZCreateTaskSeriesRequest } from '@guanxi/common/tasks';
import { Button, DatePicker, Flex, Form, Input, Modal, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { cloneElement, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { dayItemProps } from '../../../components/date-field';
import { useSignedInMe } from '../../../lib/auth';
import { useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useCreateTaskSeries } from '../api/create-task-series';
import { useRemindOptions } from './task-labels';

type SeriesFormModalProps = { open: boolean; userSelect: ReactElement; onClose: () => void };

const timeItemProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(`2000-01-01T${value}`) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('HH:mm') : null),
};

/** The recurrence rule editor: daily, weekly on a weekday or monthly on a day, at a time. */
function SeriesForm({ userSelect, onClose }: Omit<SeriesFormModalProps, 'open'>) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const create = useCreateTaskSeries();
  const remindOptions = useRemindOptions();
  const { formProps, submitting, form } = useSchemaForm({
    schema: ZCreateTaskSeriesRequest,
    prepare: (v) => {
      const rule = (v.rule ?? {}) as Record<string, unknown>;
      return {
        ...v, endsOn: v.endsOn || null, remindOffsetMinutes: v.remindOffsetMinutes === -1 ? null : v.remindOffsetMinutes,
        rule: { freq: rule.freq, time: rule.time, ...(rule.freq === 'weekly' ? { weekday: rule.weekday } : {}), ...(rule.freq === 'monthly' ? { monthDay: rule.monthDay } : {}) },
      };
    },
    onSubmit: async (body) => {
      await create.mutateAsync(body);
      notifySuccess(t('activities.series.created'));
      onClose();
    },
  });
  const freq = Form.useWatch(['rule', 'freq'], form) as string | undefined;
  return (
    <Form {...formProps} name="series" layout="vertical" initialValues={{
      type: 'email', priority: 'normal', remindOffsetMinutes: 15, assigneeId: me.user.id, startsOn: dayjs().format('YYYY-MM-DD'),
      rule: { freq: 'weekly', weekday: 3, time: '14:00', monthDay: 1 },
    }}>
      <Form.Item name="subject" label={t('activities.task.subject')} required>
        <Input maxLength={200} placeholder={t('activities.task.subjectPlaceholder')} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name={['rule', 'freq']} label={t('activities.series.rule')} style={{ width: 120 }}>
          <Select options={(['daily', 'weekly', 'monthly'] as const).map((f) => ({ value: f, label: t(`activities.series.freq.${f}`) }))} />
        </Form.Item>
        {freq === 'weekly' ? (
          <Form.Item name={['rule', 'weekday']} label={t('activities.series.weekday')} style={{ width: 120 }}>
            <Select options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`activities.series.weekdays.${d}` as 'activities.series.weekdays.1') }))} />
          </Form.Item>
        ) : null}
        {freq === 'monthly' ? (
          <Form.Item name={['rule', 'monthDay']} label={t('activities.series.monthDay')} style={{ width: 120 }}>
            <Select options={Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: t('activities.series.monthDayOption', { day: i + 1 }) }))} />
          </Form.Item>
        ) : null}
        <Form.Item name={['rule', 'time']} label={t('activities.series.time')} style={{ width: 120 }} {...timeItemProps}>
          <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="startsOn" label={t('activities.series.startsOn')} required style={{ flex: 1 }} {...dayItemProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endsOn" label={t('activities.series.endsOn')} style={{ flex: 1 }} extra={t('activities.series.endsOnHelp')} {...dayItemProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="type" label={t('activities.task.type')} style={{ flex: 1 }}>
          <Select options={TASK_TYPES.map((v) => ({ value: v, label: t(`activities.taskTypes.${v}`) }))} />
        </Form.Item>
        <Form.Item name="priority" label={t('activities.task.priority')} style={{ flex: 1 }}>
          <Select options={TASK_PRIORITIES.map((v) => ({ value: v, label: t(`activities.priorities.${v}`) }))} />
        </Form.Item>
        <Form.Item name="remindOffsetMinutes" label={t('activities.task.remind')} style={{ flex: 1 }}>
          <Select options={remindOptions} />
        </Form.Item>
      </Flex>
      <Form.Item name="assigneeId" label={t('activities.task.assignee')} extra={t('activities.series.zoneHelp')}>
        {cloneElement(userSelect)}
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>{t('common.save')}</Button>
      </Flex>
    </Form>
  );
}

export function SeriesFormModal({ open, ...props }: SeriesFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('activities.series.new')} footer={null} onCancel={props.onClose} destroyOnHidden width={600}>
      {open ? <SeriesForm {...props} /> : null}
    </Modal>
  );
}
