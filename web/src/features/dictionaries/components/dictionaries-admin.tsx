import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { DICTIONARY_TYPES, type DictionaryType, type TDictionaryEntry } from '@guanxi/common/dictionaries';
import { Alert, App, Button, Card, Col, Flex, Menu, Row, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { useDictionaries } from '../../../lib/dictionaries';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDeleteEntry } from '../api/delete-entry';
import { useUpdateEntry } from '../api/update-entry';
import { EntryFormModal } from './entry-form-modal';

type DictionariesAdminProps = { type: DictionaryType; onTypeChange: (type: DictionaryType) => void };

/** 字典管理: one dictionary at a time; labels in both languages, order, active; built-in entries stay. */
export function DictionariesAdmin({ type, onTypeChange }: DictionariesAdminProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { data, isPending, error, refetch } = useDictionaries();
  const update = useUpdateEntry();
  const remove = useDeleteEntry();
  const [form, setForm] = useState<{ open: boolean; entry?: TDictionaryEntry }>({ open: false });
  const entries = (data ?? []).filter((e) => e.type === type).sort((a, b) => a.sort - b.sort);
  const counts = new Map(DICTIONARY_TYPES.map((ty) => [ty, (data ?? []).filter((e) => e.type === ty).length]));

  const toggle = (e: TDictionaryEntry, active: boolean) =>
    update.mutate(
      { id: e.id, version: e.version, active },
      { onSuccess: () => notifySuccess(t(active ? 'dictionariesAdmin.activated' : 'dictionariesAdmin.deactivated', { name: e.labelZh })), onError: notifyError },
    );
  const confirmDelete = (e: TDictionaryEntry) =>
    modal.confirm({
      title: t('dictionariesAdmin.deleteConfirm', { name: e.labelZh }),
      content: t('dictionariesAdmin.deleteHelp'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync(e.id).catch(notifyError),
    });

  const columns: TableProps<TDictionaryEntry>['columns'] = [
    { title: t('dictionariesAdmin.sort'), dataIndex: 'sort', width: 80 },
    { title: t('dictionariesAdmin.code'), dataIndex: 'code', width: 160, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    {
      title: t('dictionariesAdmin.labelZh'),
      dataIndex: 'labelZh',
      render: (label: string, e) => (
        <Flex gap={6} align="center" wrap>
          <span>{label}</span>
          {e.isSystem ? <Tag bordered={false}>{t('dictionariesAdmin.builtIn')}</Tag> : null}
          {e.needsNote ? <Tag bordered={false} color="blue">{t('dictionariesAdmin.needsNote')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('dictionariesAdmin.labelEn'), dataIndex: 'labelEn' },
    {
      title: t('dictionariesAdmin.active'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean, e) => <Switch size="small" checked={active} disabled={e.isSystem} onChange={(on) => toggle(e, on)} aria-label={t('dictionariesAdmin.active')} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, e) => (
        <Flex gap={4}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setForm({ open: true, entry: e })} aria-label={t('common.edit')} />
          {e.isSystem ? null : <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(e)} aria-label={t('common.delete')} />}
        </Flex>
      ),
    },
  ];

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Row gutter={[20, 20]} align="top">
      <Col xs={24} lg={6} xxl={5}>
        <Card styles={{ body: { padding: 8 } }}>
          <Menu
            mode="inline"
            selectedKeys={[type]}
            onClick={({ key }) => onTypeChange(key as DictionaryType)}
            style={{ borderInlineEnd: 'none' }}
            items={DICTIONARY_TYPES.map((ty) => ({
              key: ty,
              label: (
                <>
                  {t(`dictionariesAdmin.types.${ty}`)}
                  <span className="gx-menu-count">{counts.get(ty)}</span>
                </>
              ),
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={18} xxl={19}>
        <Card
          title={t(`dictionariesAdmin.types.${type}`)}
          extra={
            type === 'status' ? null : (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })}>
                {t('dictionariesAdmin.add')}
              </Button>
            )
          }
        >
          <Alert type="info" showIcon message={type === 'status' ? t('dictionariesAdmin.statusHint') : t('dictionariesAdmin.systemHint')} style={{ marginBottom: 16 }} />
          <Table<TDictionaryEntry> rowKey="id" size="middle" columns={columns} dataSource={entries} loading={isPending} pagination={false} />
        </Card>
      </Col>
      <EntryFormModal
        open={form.open}
        type={type}
        entry={form.entry}
        nextSort={(entries[entries.length - 1]?.sort ?? 0) + 10}
        onClose={() => setForm({ open: false })}
      />
    </Row>
  );
}
