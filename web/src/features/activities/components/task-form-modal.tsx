import { TASK_PRIORITIES, TASK_TYPES, ZCreateTaskRequest, ZUpdateTaskRequest, type TCreateTaskRequest, type TTask, type TUpdateTaskRequest } from '@guanxi/common/tasks';
import { Button, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { cloneElement, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeItemProps } from '../../../components/date-field';
import { useSignedInMe } from '../../../lib/auth';
import { changedFields, useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useCreateTask } from '../api/create-task';
import { useUpdateTask } from '../api/update-task';
import { useRemindOptions } from './task-labels';

/** Without `task` the form creates one (tied to `customerId` when given); with it, it edits that task. */
type TaskFormModalProps = { open: boolean; customerId?: string; task?: TTask; userSelect: ReactElement; onClose: () => void };

const EDITABLE = ['subject', 'type', 'priority', 'dueAt', 'remindOffsetMinutes', 'assigneeId', 'description'] as const;

function TaskForm({ customerId, task, userSelect, onClose }: Omit<TaskFormModalProps, 'open'>) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const create = useCreateTask();
  const update = useUpdateTask();
  const remindOptions = useRemindOptions();
  const original: Record<string, unknown> = task ? Object.fromEntries(EDITABLE.map((k) => [k, task[k]])) : {};
  if (task) original.remindOffsetMinutes = task.remindOffsetMinutes ?? -1;
  const { formProps, submitting } = useSchemaForm({
    schema: task ? ZUpdateTaskRequest : ZCreateTaskRequest,
    prepare: (v) => {
      const values = { ...v, remindOffsetMinutes: v.remindOffsetMinutes === -1 ? null : v.remindOffsetMinutes };
      if (!task) return { ...values, customerId: customerId ?? null };
      return { version: task.version, ...changedFields(values, { ...original, remindOffsetMinutes: task.remindOffsetMinutes }) };
    },
    onSubmit: async (body) => {
      if (task) await update.mutateAsync({ id: task.id, ...(body as TUpdateTaskRequest) });
      else await create.mutateAsync(body as TCreateTaskRequest);
      notifySuccess(t(task ? 'activities.task.saved' : 'activities.task.created'));
      onClose();
    },
  });
  const tomorrow = dayjs().add(1, 'day').hour(10).minute(0).second(0).millisecond(0).toISOString();
  return (
    <Form {...formProps} name="task" layout="vertical"
      initialValues={task ? original : { type: 'call', priority: 'normal', remindOffsetMinutes: 15, dueAt: tomorrow, assigneeId: me.user.id }}>
      <Form.Item name="subject" label={t('activities.task.subject')} required>
        <Input maxLength={200} placeholder={t('activities.task.subjectPlaceholder')} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="type" label={t('activities.task.type')} style={{ flex: 1 }}>
          <Select options={TASK_TYPES.map((v) => ({ value: v, label: t(`activities.taskTypes.${v}`) }))} />
        </Form.Item>
        <Form.Item name="priority" label={t('activities.task.priority')} style={{ flex: 1 }}>
          <Select options={TASK_PRIORITIES.map((v) => ({ value: v, label: t(`activities.priorities.${v}`) }))} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="dueAt" label={t('activities.task.dueAt')} required style={{ flex: 1 }} {...dateTimeItemProps}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="remindOffsetMinutes" label={t('activities.task.remind')} style={{ flex: 1 }}>
          <Select options={remindOptions} />
        </Form.Item>
      </Flex>
      <Form.Item name="assigneeId" label={t('activities.task.assignee')}>
        {cloneElement(userSelect)}
      </Form.Item>
      <Form.Item name="description" label={t('activities.task.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** 新建任务: subject, type, due time, reminder, priority, assignee; optionally tied to a customer. */
export function TaskFormModal({ open, ...props }: TaskFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t(props.task ? 'activities.task.edit' : 'activities.task.new')} footer={null} onCancel={props.onClose} destroyOnHidden width={560}>
      {open ? <TaskForm {...props} /> : null}
    </Modal>
  );
}
