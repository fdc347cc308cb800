import { FOLLOWUP_FEEDBACK, ZCreateFollowupRequest, ZUpdateFollowupRequest, type TCreateFollowupRequest, type TFollowup, type TUpdateFollowupRequest } from '@guanxi/common/followups';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeItemProps } from '../../../components/date-field';
import { useDictionaryLabel, useDictionaryOptions } from '../../../lib/dictionaries';
import { changedFields, useSchemaForm } from '../../../lib/form';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useApplyCustomerStatus } from '../api/apply-status';
import { useCreateFollowup } from '../api/create-followup';
import { useCustomerContacts } from '../api/get-customer-contacts';
import { useUpdateFollowup } from '../api/update-followup';

/** Without `followup` the form logs a new follow-up; with it, it edits that record (only changed fields are sent). */
type FollowupFormModalProps = { open: boolean; customerId: string; followup?: TFollowup; onClose: () => void; onSaved?: (f: TFollowup) => void };

const EDITABLE = ['date', 'method', 'contactId', 'content', 'feedback', 'nextAction', 'nextFollowUpAt'] as const;

function FollowupForm({ customerId, followup, onClose, onSaved }: Omit<FollowupFormModalProps, 'open'>) {
  const { t } = useTranslation();
  const methods = useDictionaryOptions('followup_method');
  const statusLabel = useDictionaryLabel();
  const { data: contacts } = useCustomerContacts(customerId);
  const create = useCreateFollowup();
  const update = useUpdateFollowup();
  const applyStatus = useApplyCustomerStatus();
  const { modal } = App.useApp();
  const offerSuggestion = (f: TFollowup) => {
    if (!f.statusSuggestion) return;
    const status = statusLabel('status', f.statusSuggestion);
    modal.confirm({
      title: t('activities.followup.suggestion', { status }),
      okText: t('activities.followup.applySuggestion', { status }),
      cancelText: t('common.cancel'),
      onOk: () =>
        applyStatus.mutateAsync({ customerId: f.customerId, status: f.statusSuggestion! }).then(
          () => notifySuccess(t('activities.followup.statusChanged')),
          notifyError,
        ),
    });
  };
  const original = followup ? Object.fromEntries(EDITABLE.map((k) => [k, followup[k]])) : {};
  const { formProps, submitting, form } = useSchemaForm({
    schema: followup ? ZUpdateFollowupRequest : ZCreateFollowupRequest,
    prepare: (v) => {
      const values = { ...v, nextAction: v.nextAction || null, nextFollowUpAt: v.nextFollowUpAt || null, contactId: v.contactId || null };
      return followup ? { version: followup.version, ...changedFields(values, original) } : { ...values, customerId };
    },
    onSubmit: async (body) => {
      const saved = followup
        ? await update.mutateAsync({ id: followup.id, ...(body as TUpdateFollowupRequest) })
        : await create.mutateAsync(body as TCreateFollowupRequest);
      notifySuccess(t(saved.taskId && !followup?.taskId ? 'activities.followup.savedWithTask' : 'activities.followup.saved'));
      onSaved?.(saved);
      onClose();
      offerSuggestion(saved);
    },
  });
  const primary = contacts?.items.find((c) => c.isPrimary);
  // A new follow-up is usually with the primary contact: preselect it once the contacts arrive.
  useEffect(() => {
    if (!followup && primary && !form.getFieldValue('contactId')) form.setFieldValue('contactId', primary.id);
  }, [followup, primary, form]);
  return (
    <Form {...formProps} name="followup" layout="vertical"
      initialValues={followup ? original : { date: dayjs().second(0).toISOString(), method: 'phone' }}>
      <Flex gap={12}>
        <Form.Item name="date" label={t('activities.followup.date')} required style={{ flex: 1 }} {...dateTimeItemProps}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="method" label={t('activities.followup.method')} required style={{ flex: 1 }}>
          <Select options={methods} />
        </Form.Item>
      </Flex>
      <Form.Item name="contactId" label={t('activities.followup.contact')}>
        <Select allowClear placeholder={t('activities.followup.contactPlaceholder')} options={(contacts?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))} />
      </Form.Item>
      <Form.Item name="content" label={t('activities.followup.content')} required>
        <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('activities.followup.contentPlaceholder')} />
      </Form.Item>
      <Form.Item name="feedback" label={t('activities.followup.feedback')}>
        <Radio.Group optionType="button" options={FOLLOWUP_FEEDBACK.map((f) => ({ value: f, label: t(`activities.feedback.${f}`) }))} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="nextAction" label={t('activities.followup.nextAction')} style={{ flex: 1 }}>
          <Input maxLength={500} placeholder={t('activities.followup.nextActionPlaceholder')} />
        </Form.Item>
        <Form.Item name="nextFollowUpAt" label={t('activities.followup.nextFollowUpAt')} style={{ flex: 1 }} extra={t('activities.followup.nextHelp')} {...dateTimeItemProps}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** 写跟进: date, method, contact, content (required), feedback, next action and next follow-up time (creates a task). */
export function FollowupFormModal({ open, ...props }: FollowupFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t(props.followup ? 'activities.followup.editTitle' : 'activities.followup.title')} footer={null} onCancel={props.onClose} destroyOnHidden width={640}>
      {open ? <FollowupForm {...props} /> : null}
    </Modal>
  );
}
