import { ZCreateContactRequest, ZUpdateContactRequest, type TContact, type TCreateContactRequest, type TUpdateContactRequest } from '@guanxi/common/contacts';
import { Button, Col, DatePicker, Flex, Form, Input, Modal, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomFieldItem } from '../../../components/custom-field-input';
import { dayItemProps } from '../../../components/date-field';
import { useCustomFields } from '../../../lib/custom-fields';
import { useDictionaryOptions } from '../../../lib/dictionaries';
import { changedFields, useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useCreateContact } from '../api/create-contact';
import { useUpdateContact } from '../api/update-contact';

type ContactFormModalProps = { open: boolean; customerId: string; contact?: TContact; onClose: () => void };

const blankToNull = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' ? null : v ?? null]));

function ContactForm({ customerId, contact, onClose }: Omit<ContactFormModalProps, 'open'>) {
  const { t } = useTranslation();
  const roles = useDictionaryOptions('contact_role', contact?.role);
  const { data: customFields = [] } = useCustomFields('contact');
  const create = useCreateContact();
  const update = useUpdateContact();
  const original = useMemo<Record<string, unknown>>(
    () =>
      contact
        ? { name: contact.name, title: contact.title, mobile: contact.mobile, landline: contact.landline, email: contact.email, role: contact.role,
            preferredChannel: contact.preferredChannel, notes: contact.notes, birthday: contact.birthday, custom: { ...contact.custom } }
        : { custom: {} },
    [contact],
  );
  const { formProps, submitting } = useSchemaForm({
    schema: contact ? ZUpdateContactRequest : ZCreateContactRequest,
    prepare: (values) => {
      const cleaned = blankToNull(values);
      if (contact) return { version: contact.version, ...changedFields(cleaned, original) };
      return { ...cleaned, customerId };
    },
    onSubmit: async (body) => {
      if (contact) await update.mutateAsync({ id: contact.id, ...(body as TUpdateContactRequest) });
      else await create.mutateAsync(body as TCreateContactRequest);
      notifySuccess(contact ? t('common.saved') : t('contacts.created'));
      onClose();
    },
  });
  const half = (node: React.ReactNode) => <Col span={12}>{node}</Col>;
  return (
    <Form {...formProps} name="contact" layout="vertical" initialValues={original}>
      <Row gutter={16}>
        {half(
          <Form.Item name="name" label={t('contacts.name')} required>
            <Input maxLength={50} autoFocus />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="title" label={t('contacts.title2')}>
            <Input maxLength={100} placeholder={t('customers.contact.titlePlaceholder')} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="mobile" label={t('contacts.mobile')} required>
            <Input inputMode="tel" maxLength={32} placeholder={t('customers.contact.mobilePlaceholder')} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="landline" label={t('contacts.landline')}>
            <Input inputMode="tel" maxLength={40} placeholder="010-12345678-801" />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="email" label={t('contacts.email')}>
            <Input inputMode="email" maxLength={254} placeholder="name@company.com" />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="role" label={t('contacts.role')}>
            <Select allowClear options={roles} placeholder={t('common.choose')} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="preferredChannel" label={t('contacts.preferredChannel')}>
            <Input maxLength={100} placeholder={t('contacts.preferredChannelPlaceholder')} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="birthday" label={t('contacts.birthday')} {...dayItemProps}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>,
        )}
        <Col span={24}>
          <Form.Item name="notes" label={t('contacts.notes')}>
            <Input.TextArea rows={2} maxLength={1000} placeholder={t('customers.contact.notesPlaceholder')} />
          </Form.Item>
        </Col>
        {customFields
          .filter((f) => f.active)
          .map((f) => (
            <Col span={12} key={f.id}>
              <CustomFieldItem field={f} />
            </Col>
          ))}
      </Row>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** Add or edit one contact of a customer (mobile in any notation; landline with extension). */
export function ContactFormModal({ open, ...props }: ContactFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={props.contact ? t('contacts.editTitle') : t('contacts.createTitle')} footer={null} onCancel={props.onClose} destroyOnHidden width={640}>
      {open ? <ContactForm {...props} /> : null}
    </Modal>
  );
}
