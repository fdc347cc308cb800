import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CUSTOM_FIELD_TYPES, ZCreateCustomFieldRequest, ZUpdateCustomFieldRequest, type CustomFieldEntity, type TCreateCustomFieldRequest, type TCustomField,
  type TUpdateCustomFieldRequest,
} from '@guanxi/common/fields';
import { Button, Checkbox, Col, Flex, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { changedFields, useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useCreateField } from '../api/create-field';
import { useUpdateField } from '../api/update-field';

type FieldFormModalProps = { open: boolean; entity: CustomFieldEntity; field?: TCustomField; nextSort: number; onClose: () => void };

function OptionsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="options">
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('fieldsAdmin.options')}</Typography.Text>
          {rows.map((row) => (
            <Flex key={row.key} gap={8} align="flex-start">
              <Form.Item name={[row.name, 'value']} style={{ marginBottom: 0, flex: 1 }}>
                <Input placeholder={t('fieldsAdmin.optionValue')} maxLength={60} />
              </Form.Item>
              <Form.Item name={[row.name, 'labelZh']} style={{ marginBottom: 0, flex: 1 }}>
                <Input placeholder={t('fieldsAdmin.optionZh')} maxLength={60} />
              </Form.Item>
              <Form.Item name={[row.name, 'labelEn']} style={{ marginBottom: 0, flex: 1 }}>
                <Input placeholder={t('fieldsAdmin.optionEn')} maxLength={80} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('common.delete')} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ value: '', labelZh: '', labelEn: '' })}>
            {t('fieldsAdmin.addOption')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

function FieldForm({ entity, field, nextSort, onClose }: Omit<FieldFormModalProps, 'open'>) {
  const { t } = useTranslation();
  const create = useCreateField();
  const update = useUpdateField();
  const original = field
    ? { labelZh: field.labelZh, labelEn: field.labelEn, required: field.required, options: field.options, sort: field.sort }
    : { type: 'text', required: false, options: [], sort: nextSort };
  const { form, formProps, submitting } = useSchemaForm({
    schema: field ? ZUpdateCustomFieldRequest : ZCreateCustomFieldRequest,
    prepare: (values) => {
      const options = ((values.options as Array<Record<string, string>> | undefined) ?? []).map((o) => ({ ...o, labelEn: o.labelEn || undefined }));
      const next = { ...values, options };
      return field ? { version: field.version, ...changedFields(next, original) } : { ...next, entity };
    },
    onSubmit: async (body) => {
      if (field) await update.mutateAsync({ id: field.id, ...(body as TUpdateCustomFieldRequest) });
      else await create.mutateAsync(body as TCreateCustomFieldRequest);
      notifySuccess(field ? t('common.saved') : t('fieldsAdmin.created'));
      onClose();
    },
  });
  const type: string = Form.useWatch('type', form) ?? field?.type;
  return (
    <Form {...formProps} name="custom-field" layout="vertical" initialValues={{ ...original, key: field?.key, type: field?.type ?? 'text' }}>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="labelZh" label={t('fieldsAdmin.labelZh')} required>
            <Input maxLength={60} autoFocus placeholder={t('fieldsAdmin.labelZhPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="labelEn" label={t('fieldsAdmin.labelEn')} required>
            <Input maxLength={80} placeholder={t('fieldsAdmin.labelEnPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="key" label={t('fieldsAdmin.key')} required={!field} extra={field ? undefined : t('fieldsAdmin.keyHelp')}>
            <Input disabled={Boolean(field)} maxLength={40} placeholder="budget" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="type" label={t('fieldsAdmin.type')} required={!field}>
            <Select disabled={Boolean(field)} options={CUSTOM_FIELD_TYPES.map((ty) => ({ value: ty, label: t(`fieldsAdmin.types.${ty}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="sort" label={t('fieldsAdmin.sort')}>
            <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="required" label=" " valuePropName="checked">
            <Checkbox>{t('fieldsAdmin.required')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      {type === 'select' || type === 'multiselect' ? <OptionsEditor /> : null}
      <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

export function FieldFormModal({ open, ...props }: FieldFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={props.field ? t('fieldsAdmin.editTitle') : t('fieldsAdmin.createTitle')} footer={null} onCancel={props.onClose} destroyOnHidden width={640}>
      {open ? <FieldForm {...props} /> : null}
    </Modal>
  );
}
