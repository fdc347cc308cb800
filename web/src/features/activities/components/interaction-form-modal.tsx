import { INTERACTION_DIRECTIONS, INTERACTION_KINDS, ZCreateInteractionRequest, ZUpdateInteractionRequest, type TCreateInteractionRequest, type TInteraction, type TUpdateInteractionRequest } from '@guanxi/common/interactions';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dateTimeItemProps } from '../../../components/date-field';
import { changedFields, useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useCreateInteraction } from '../api/create-interaction';
import { useCustomerContacts } from '../api/get-customer-contacts';
import { useUpdateInteraction } from '../api/update-interaction';

/** Without `interaction` the form logs a new one; with it, it edits that record (its kind stays; only changed fields are sent). */
type InteractionFormModalProps = { open: boolean; customerId: string; interaction?: TInteraction; onClose: () => void };

const EDITABLE = ['kind', 'occurredAt', 'direction', 'contactId', 'durationSeconds', 'problemType', 'result', 'subject', 'content'] as const;

function InteractionForm({ customerId, interaction, onClose }: Omit<InteractionFormModalProps, 'open'>) {
  const { t } = useTranslation();
  const { data: contacts } = useCustomerContacts(customerId);
  const create = useCreateInteraction();
  const update = useUpdateInteraction();
  const original = interaction ? Object.fromEntries(EDITABLE.map((k) => [k, interaction[k]])) : {};
  const { formProps, submitting, form } = useSchemaForm({
    schema: interaction ? ZUpdateInteractionRequest : ZCreateInteractionRequest,
    prepare: (v) => {
      const values = { ...v, contactId: v.contactId || null, durationSeconds: v.kind === 'call' ? (v.durationSeconds ?? null) : null };
      if (!interaction) return { ...values, customerId };
      const { kind: _kind, ...changed } = changedFields(values, original);
      return { version: interaction.version, ...changed };
    },
    onSubmit: async (body) => {
      if (interaction) await update.mutateAsync({ id: interaction.id, ...(body as TUpdateInteractionRequest) });
      else await create.mutateAsync(body as TCreateInteractionRequest);
      notifySuccess(t('activities.interaction.saved'));
      onClose();
    },
  });
  const kind = Form.useWatch('kind', form) as string | undefined;
  return (
    <Form {...formProps} name="interaction" layout="vertical"
      initialValues={interaction ? original : { kind: 'call', direction: 'outbound', occurredAt: dayjs().second(0).toISOString() }}>
      <Form.Item name="kind" label={t('activities.interaction.kind')}>
        <Radio.Group optionType="button" buttonStyle="solid" disabled={!!interaction} options={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`activities.interaction.kinds.${k}`) }))} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="occurredAt" label={t('activities.interaction.occurredAt')} required style={{ flex: 1 }} {...dateTimeItemProps}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="direction" label={t('activities.interaction.direction')} style={{ flex: 1 }}>
          <Select options={INTERACTION_DIRECTIONS.map((d) => ({ value: d, label: t(`activities.interaction.directions.${d}`) }))} />
        </Form.Item>
      </Flex>
      <Form.Item name="contactId" label={t('activities.followup.contact')}>
        <Select allowClear options={(contacts?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      {kind === 'call' ? (
        <>
          {/* Entered in minutes, kept in seconds (the API field), so server errors land here. */}
          <Form.Item name="durationSeconds" label={t('activities.interaction.durationMinutes')} required
            getValueProps={(v: unknown) => ({ value: typeof v === 'number' ? v / 60 : null })}
            normalize={(m: number | null) => (typeof m === 'number' ? Math.round(m * 60) : null)}>
            <InputNumber min={0} max={1440} step={0.5} style={{ width: 200 }} />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="problemType" label={t('activities.interaction.problemType')} style={{ flex: 1 }}>
              <Input maxLength={100} placeholder={t('activities.interaction.problemTypePlaceholder')} />
            </Form.Item>
            <Form.Item name="result" label={t('activities.interaction.result')} style={{ flex: 1 }}>
              <Input maxLength={500} />
            </Form.Item>
          </Flex>
        </>
      ) : (
        <Form.Item name="subject" label={t('activities.interaction.subject')} required={kind === 'email'}>
          <Input maxLength={200} />
        </Form.Item>
      )}
      <Form.Item name="content" label={t('activities.interaction.content')} required={kind === 'chat' || kind === 'meeting'}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>{t('common.save')}</Button>
      </Flex>
    </Form>
  );
}

/** 记录交互 / 编辑交互: a call (duration, problem type, result), email, chat or meeting with the customer. */
export function InteractionFormModal({ open, ...props }: InteractionFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t(props.interaction ? 'activities.interaction.editTitle' : 'activities.interaction.new')} footer={null} onCancel={props.onClose} destroyOnHidden width={600}>
      {open ? <InteractionForm {...props} /> : null}
    </Modal>
  );
}
