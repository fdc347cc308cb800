import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { CUSTOM_FIELD_ENTITIES, type CustomFieldEntity, type TCustomField } from '@guanxi/common/fields';
import { App, Button, Card, Empty, Flex, Switch, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { optionLabel, useCustomFields } from '../../../lib/custom-fields';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDeleteField } from '../api/delete-field';
import { useUpdateField } from '../api/update-field';
import { FieldFormModal } from './field-form-modal';

/** 自定义字段 of customers and contacts: add with type, options and required; edit, deactivate, delete. */
export function FieldsAdmin() {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const [entity, setEntity] = useState<CustomFieldEntity>('customer');
  const { data: fields = [], isPending } = useCustomFields(entity);
  const update = useUpdateField();
  const remove = useDeleteField();
  const [form, setForm] = useState<{ open: boolean; field?: TCustomField }>({ open: false });

  const toggle = (f: TCustomField, active: boolean) =>
    update.mutate(
      { id: f.id, version: f.version, active },
      { onSuccess: () => notifySuccess(t(active ? 'fieldsAdmin.activated' : 'fieldsAdmin.deactivated', { name: f.labelZh })), onError: notifyError },
    );
  const confirmDelete = (f: TCustomField) =>
    modal.confirm({
      title: t('fieldsAdmin.deleteConfirm', { name: f.labelZh }),
      content: t('fieldsAdmin.deleteHelp'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync(f.id).catch(notifyError),
    });

  const columns: TableProps<TCustomField>['columns'] = [
    { title: t('fieldsAdmin.sort'), dataIndex: 'sort', width: 70 },
    {
      title: t('fieldsAdmin.labelZh'),
      key: 'label',
      render: (_, f) => (
        <Flex vertical>
          <Flex gap={6} align="center">
            <Typography.Text strong>{f.labelZh}</Typography.Text>
            {f.required ? <Tag color="red" bordered={false}>{t('fieldsAdmin.required')}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.labelEn}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('fieldsAdmin.key'), dataIndex: 'key', width: 160, render: (key: string) => <Typography.Text code>custom.{key}</Typography.Text> },
    { title: t('fieldsAdmin.type'), dataIndex: 'type', width: 110, render: (type: TCustomField['type']) => <Tag bordered={false}>{t(`fieldsAdmin.types.${type}`)}</Tag> },
    {
      title: t('fieldsAdmin.options'),
      key: 'options',
      render: (_, f) => (f.options.length ? f.options.map((o) => <Tag key={o.value} bordered={false}>{optionLabel(o, i18n.language)}</Tag>) : '—'),
    },
    {
      title: t('fieldsAdmin.active'),
      dataIndex: 'active',
      width: 80,
      render: (active: boolean, f) => <Switch size="small" checked={active} onChange={(on) => toggle(f, on)} aria-label={t('fieldsAdmin.active')} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, f) => (
        <Flex gap={4}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setForm({ open: true, field: f })} aria-label={t('common.edit')} />
          <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(f)} aria-label={t('common.delete')} />
        </Flex>
      ),
    },
  ];

  return (
    <Card styles={{ body: { paddingTop: 8 } }}>
      <Tabs
        activeKey={entity}
        onChange={(key) => setEntity(key as CustomFieldEntity)}
        items={CUSTOM_FIELD_ENTITIES.map((e) => ({ key: e, label: t(`fieldsAdmin.entities.${e}`) }))}
        tabBarExtraContent={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })}>
            {t('fieldsAdmin.add')}
          </Button>
        }
      />
      <Table<TCustomField>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={fields}
        loading={isPending}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fieldsAdmin.empty')} /> }}
      />
      <FieldFormModal
        open={form.open}
        entity={entity}
        field={form.field}
        nextSort={(fields[fields.length - 1]?.sort ?? 0) + 10}
        onClose={() => setForm({ open: false })}
      />
    </Card>
  );
}
