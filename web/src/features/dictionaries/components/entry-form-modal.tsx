import {
  ZCreateDictionaryEntryRequest, ZUpdateDictionaryEntryRequest, type DictionaryType, type TCreateDictionaryEntryRequest, type TDictionaryEntry,
  type TUpdateDictionaryEntryRequest,
} from '@guanxi/common/dictionaries';
import { Button, Checkbox, Col, Flex, Form, Input, InputNumber, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { changedFields, useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useCreateEntry } from '../api/create-entry';
import { useUpdateEntry } from '../api/update-entry';

type EntryFormModalProps = { open: boolean; type: DictionaryType; entry?: TDictionaryEntry; nextSort: number; onClose: () => void };

function EntryForm({ type, entry, nextSort, onClose }: Omit<EntryFormModalProps, 'open'>) {
  const { t } = useTranslation();
  const create = useCreateEntry();
  const update = useUpdateEntry();
  const original = entry ? { labelZh: entry.labelZh, labelEn: entry.labelEn, sort: entry.sort, needsNote: entry.needsNote } : { sort: nextSort, needsNote: false };
  const { formProps, submitting } = useSchemaForm({
    schema: entry ? ZUpdateDictionaryEntryRequest : ZCreateDictionaryEntryRequest,
    prepare: (values) => (entry ? { version: entry.version, ...changedFields(values, original) } : { ...values, type }),
    onSubmit: async (body) => {
      if (entry) await update.mutateAsync({ id: entry.id, ...(body as TUpdateDictionaryEntryRequest) });
      else await create.mutateAsync(body as TCreateDictionaryEntryRequest);
      notifySuccess(entry ? t('common.saved') : t('dictionariesAdmin.created'));
      onClose();
    },
  });
  return (
    <Form {...formProps} name="dictionary-entry" layout="vertical" initialValues={{ ...original, code: entry?.code }}>
      <Form.Item name="code" label={t('dictionariesAdmin.code')} required={!entry} extra={entry ? undefined : t('dictionariesAdmin.codeHelp')}>
        <Input disabled={Boolean(entry)} maxLength={40} placeholder={t('dictionariesAdmin.codePlaceholder')} autoFocus={!entry} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="labelZh" label={t('dictionariesAdmin.labelZh')} required>
            <Input maxLength={60} autoFocus={Boolean(entry)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="labelEn" label={t('dictionariesAdmin.labelEn')} required>
            <Input maxLength={80} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="sort" label={t('dictionariesAdmin.sort')} extra={t('departments.sortHelp')}>
            <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="needsNote" label=" " valuePropName="checked" extra={t('dictionariesAdmin.needsNoteHelp')}>
            <Checkbox>{t('dictionariesAdmin.needsNote')}</Checkbox>
          </Form.Item>
        </Col>
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

export function EntryFormModal({ open, ...props }: EntryFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={props.entry ? t('dictionariesAdmin.editTitle') : t('dictionariesAdmin.createTitle')} footer={null} onCancel={props.onClose} destroyOnHidden width={520}>
      {open ? <EntryForm {...props} /> : null}
    </Modal>
  );
}
