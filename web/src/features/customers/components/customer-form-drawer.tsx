import { ZCreateCustomerRequest, ZUpdateCustomerRequest, type TCreateCustomerRequest, type TCustomer, type TDuplicateMatch, type TUpdateCustomerRequest } from '@guanxi/common/customers';
import { Button, Col, Divider, Drawer, Flex, Form, Row, Skeleton, Typography } from 'antd';
import { cloneElement, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomFieldItem } from '../../../components/custom-field-input';
import { ApiError, isApiError } from '../../../lib/api-client';
import { useSignedInMe } from '../../../lib/auth';
import { useCan } from '../../../lib/authorization';
import { useCustomFields } from '../../../lib/custom-fields';
import { useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useCreateCustomer } from '../api/create-customer';
import { useCustomer } from '../api/get-customer';
import { useUpdateCustomer } from '../api/update-customer';
import { CustomerAddressFields } from './customer-address-fields';
import { CustomerBasicFields, CustomerBusinessFields } from './customer-form-fields';
import { changedCustomer, clean, hideMaskedStreet, toFormValues } from './customer-form-values';
import { DuplicateAlert } from './duplicate-alert';
import { DuplicateModal } from './duplicate-modal';
import { FirstContactFields } from './first-contact-fields';

type CustomerFormDrawerProps = {
  open: boolean;
  /** The customer to edit; null to create one. */
  customerId: string | null;
  /** A user picker for the owner (value/onChange are filled in by the form). */
  userSelect: ReactElement;
  onClose: () => void;
  onSaved?: (customer: TCustomer) => void;
};

const matchesOf = (error: unknown): TDuplicateMatch[] =>
  isApiError(error, 'DUPLICATE') ? error.details.map((d) => d.data).filter((d): d is TDuplicateMatch => Boolean(d && typeof d === 'object' && 'id' in d)) : [];

/** New / edit customer with every M2 field, custom fields, the first contact, and 查重 before and on saving. */
export function CustomerFormDrawer({ open, customerId, userSelect, onClose, onSaved }: CustomerFormDrawerProps) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const can = useCan();
  const { data: customer, isPending, refetch } = useCustomer(customerId);
  const { data: customFields = [] } = useCustomFields('customer');
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const [duplicates, setDuplicates] = useState<TDuplicateMatch[] | null>(null);
  // Set by 仍然创建 in the duplicate dialog: the next submit carries allowDuplicate.
  const allowDuplicate = useRef(false);
  const streetMissing = useRef(false);
  const editing = Boolean(customerId);
  const streetMasked = !me.role.viewSensitive;
  const original = useMemo(
    () => (customer ? toFormValues(customer) : { type: 'enterprise', status: 'potential', ownerId: me.user.id, tags: [], address: {}, custom: {} }),
    [customer, me.user.id],
  );
  const shown = useMemo(() => (customer && streetMasked ? hideMaskedStreet(original) : original), [customer, streetMasked, original]);

  const { form, formProps, submitting } = useSchemaForm({
    schema: editing ? ZUpdateCustomerRequest : ZCreateCustomerRequest,
    prepare: (values) => {
      const change = customer ? changedCustomer(values, original, streetMasked) : null;
      streetMissing.current = change?.streetMissing ?? false;
      const body = (customer ? { version: customer.version, ...change?.body } : clean(values)) as Record<string, unknown>;
      return allowDuplicate.current ? { ...body, allowDuplicate: true } : body;
    },
    onSubmit: async (body) => {
      if (streetMissing.current) {
        throw new ApiError(400, 'VALIDATION_FAILED', t('customers.streetRequired'), [{ field: 'address.street', message: t('customers.streetRequired') }]);
      }
      try {
        const saved = customerId
          ? await update.mutateAsync({ id: customerId, ...(body as TUpdateCustomerRequest) })
          : await create.mutateAsync(body as TCreateCustomerRequest);
        notifySuccess(customerId ? t('common.saved') : t('customers.created', { number: saved.number }));
        onSaved?.(saved);
        onClose();
      } catch (error) {
        const matches = matchesOf(error);
        if (!matches.length) throw error;
        setDuplicates(matches);
      } finally {
        allowDuplicate.current = false;
      }
    },
    onConflict: () => void refetch(),
  });
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(shown);
  }, [form, shown]);

  const ownerField = editing ? (
    <Form.Item label={t('customers.fields.ownerName')} extra={t('customers.ownerEditHelp')}>
      <Typography.Text>{customer?.ownerName ?? t('customers.inPool')}</Typography.Text>
    </Form.Item>
  ) : (
    <Form.Item name="ownerId" label={t('customers.fields.ownerName')} extra={can('customers', 'transfer') ? undefined : t('customers.ownerSelfOnly')}>
      {cloneElement(userSelect, { disabled: !can('customers', 'transfer') })}
    </Form.Item>
  );
  const activeCustom = customFields.filter((f) => f.active);
  const section = (title: string) => (
    <Divider orientation="left" orientationMargin={0} className="gx-form-section">
      {title}
    </Divider>
  );

  return (
    <Drawer
      open={open}
      forceRender
      width={760}
      title={editing ? t('customers.editTitle', { name: customer?.name ?? '' }) : t('customers.createTitle')}
      onClose={onClose}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {editing && isPending ? <Skeleton active paragraph={{ rows: 12 }} /> : null}
      <Form {...formProps} name="customer" layout="vertical" hidden={editing && isPending} requiredMark>
        <DuplicateAlert form={form} excludeId={customerId ?? undefined} />
        {section(t('customers.sections.basic'))}
        <CustomerBasicFields form={form} ownerField={ownerField} />
        {section(t('customers.sections.address'))}
        <CustomerAddressFields form={form} streetHidden={editing && streetMasked} />
        {section(t('customers.sections.business'))}
        <CustomerBusinessFields form={form} />
        {activeCustom.length ? (
          <>
            {section(t('customers.sections.custom'))}
            <Row gutter={16}>
              {activeCustom.map((f) => (
                <Col span={12} key={f.id}>
                  <CustomFieldItem field={f} />
                </Col>
              ))}
            </Row>
          </>
        ) : null}
        {editing ? null : (
          <>
            {section(t('customers.sections.contact'))}
            <FirstContactFields />
          </>
        )}
      </Form>
      <DuplicateModal
        matches={duplicates}
        saving={submitting}
        onCancel={() => setDuplicates(null)}
        onConfirm={() => {
          allowDuplicate.current = true;
          setDuplicates(null);
          form.submit();
        }}
      />
    </Drawer>
  );
}
