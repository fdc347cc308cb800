import { CrownFilled, DeleteOutlined, EditOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import type { TContact } from '@guanxi/common/contacts';
import { App, Button, Card, Empty, Flex, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/authorization';
import { useDictionaryLabel } from '../../../lib/dictionaries';
import { useFormatDay } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDeleteContact } from '../api/delete-contact';
import { useContacts } from '../api/get-contacts';
import { useUpdateContact } from '../api/update-contact';
import { ContactChannels } from './contact-channels';
import { ContactFormModal } from './contact-form-modal';

/** 联系人 tab of the customer 360 page: the primary one first, add / edit / delete / make primary. */
export function CustomerContacts({ customerId, editable }: { customerId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const can = useCan();
  const dict = useDictionaryLabel();
  const day = useFormatDay();
  const { data, isPending } = useContacts({ page: 1, pageSize: 100, customerId });
  const update = useUpdateContact();
  const remove = useDeleteContact();
  const [form, setForm] = useState<{ open: boolean; contact?: TContact }>({ open: false });
  const canEdit = editable && can('contacts', 'edit');
  const contacts = [...(data?.items ?? [])].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));

  const makePrimary = (c: TContact) =>
    update.mutate(
      { id: c.id, version: c.version, isPrimary: true },
      { onSuccess: () => notifySuccess(t('contacts.primarySet', { name: c.name })), onError: notifyError },
    );
  const confirmDelete = (c: TContact) =>
    modal.confirm({
      title: t('contacts.deleteConfirm', { name: c.name }),
      content: t('contacts.deleteHelp'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync(c.id).catch(notifyError),
    });

  const columns: TableProps<TContact>['columns'] = [
    {
      title: t('contacts.name'),
      key: 'name',
      width: 200,
      render: (_, c) => (
        <Flex vertical>
          <Flex gap={6} align="center">
            <Typography.Text strong>{c.name}</Typography.Text>
            {c.isPrimary ? (
              <Tag color="gold" icon={<CrownFilled />} bordered={false} style={{ marginInlineEnd: 0 }}>
                {t('contacts.primary')}
              </Tag>
            ) : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[c.title, c.role ? dict('contact_role', c.role) : null].filter(Boolean).join(' · ') || '—'}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('contacts.channel'), key: 'channel', width: 260, render: (_, c) => <ContactChannels contact={c} /> },
    { title: t('contacts.preferredChannel'), dataIndex: 'preferredChannel', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('contacts.birthday'), dataIndex: 'birthday', width: 120, render: (v: string | null) => day(v) },
    { title: t('contacts.notes'), dataIndex: 'notes', ellipsis: true, render: (v: string | null) => v ?? '—' },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 200,
            render: (_: unknown, c: TContact) => (
              <Flex gap={4}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setForm({ open: true, contact: c })}>
                  {t('common.edit')}
                </Button>
                {c.isPrimary ? null : (
                  <Tooltip title={t('contacts.setPrimary')}>
                    <Button type="link" size="small" icon={<StarOutlined />} onClick={() => makePrimary(c)} aria-label={t('contacts.setPrimary')} />
                  </Tooltip>
                )}
                {can('contacts', 'delete') && contacts.length > 1 ? (
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(c)} aria-label={t('common.delete')} />
                ) : null}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('contacts.countTitle', { count: contacts.length })}</Typography.Text>
        {canEdit && can('contacts', 'create') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true })}>
            {t('contacts.add')}
          </Button>
        ) : null}
      </Flex>
      <Table<TContact>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={contacts}
        loading={isPending}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.emptyCustomer')} /> }}
      />
      <ContactFormModal open={form.open} customerId={customerId} contact={form.contact} onClose={() => setForm({ open: false })} />
    </Card>
  );
}
