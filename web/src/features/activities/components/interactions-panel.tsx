import { CommentOutlined, DeleteOutlined, EditOutlined, MailOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import type { TInteraction } from '@guanxi/common/interactions';
import { Button, Card, Empty, Flex, List, Popconfirm, Segmented, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/authorization';
import { useFormatDate } from '../../../lib/format';
import { useDeleteInteraction } from '../api/delete-interaction';
import { useInteractions } from '../api/get-interactions';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { InteractionFormModal } from './interaction-form-modal';

const ICONS: Record<TInteraction['kind'], ReactNode> = { call: <PhoneOutlined />, email: <MailOutlined />, chat: <CommentOutlined />, meeting: <TeamOutlined /> };

function InteractionItem({ i }: { i: TInteraction }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const seconds = i.durationSeconds ?? 0;
  const can = useCan();
  const remove = useDeleteInteraction();
  const [editing, setEditing] = useState(false);
  const actions = [
    ...(can('followups', 'edit') ? [
      <Button key="edit" type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(true)} />,
    ] : []),
    ...(can('followups', 'delete') ? [
      <Popconfirm key="delete" title={t('activities.interaction.deleteConfirm')}
        onConfirm={() => remove.mutateAsync(i.id).then(() => notifySuccess(t('activities.interaction.deleted')), notifyError)}>
        <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
      </Popconfirm>,
    ] : []),
  ];
  return (
    <List.Item actions={actions} data-testid="interaction-item">
      <List.Item.Meta
        avatar={<span style={{ fontSize: 18, color: '#1677ff' }}>{ICONS[i.kind]}</span>}
        title={
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{t(`activities.interaction.kinds.${i.kind}`)}</Typography.Text>
            {i.direction ? <Tag bordered={false}>{t(`activities.interaction.directions.${i.direction}`)}</Tag> : null}
            {i.subject ? <Typography.Text>{i.subject}</Typography.Text> : null}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{date(i.occurredAt)} · {i.userName}{i.contactName ? ` → ${i.contactName}` : ''}</Typography.Text>
          </Flex>
        }
        description={
          <Flex vertical gap={2}>
            {i.kind === 'call' ? (
              <Typography.Text type="secondary">
                {t('activities.interaction.duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })}
                {i.problemType ? ` · ${t('activities.interaction.problemType')}：${i.problemType}` : ''}
                {i.result ? ` · ${t('activities.interaction.result')}：${i.result}` : ''}
              </Typography.Text>
            ) : null}
            {i.content ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{i.content}</Typography.Text> : null}
          </Flex>
        }
      />
      <InteractionFormModal open={editing} customerId={i.customerId} interaction={i} onClose={() => setEditing(false)} />
    </List.Item>
  );
}

/** The customer's calls, emails, chats and meetings (M7), newest first, filterable by kind. */
export function InteractionsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const [kind, setKind] = useState<TInteraction['kind'] | 'all'>('all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const { data, isPending } = useInteractions({ customerId, kind: kind === 'all' ? undefined : kind, page, pageSize: 10 });
  return (
    <Card
      title={
        <Segmented value={kind} onChange={(v) => { setKind(v as TInteraction['kind'] | 'all'); setPage(1); }}
          options={[{ value: 'all', label: t('activities.tasksPage.views.all') }, ...(['call', 'email', 'chat', 'meeting'] as const).map((k) => ({ value: k, label: t(`activities.interaction.kinds.${k}`) }))]} />
      }
      extra={can('followups', 'create') ? <Button onClick={() => setOpen(true)}>{t('activities.interaction.new')}</Button> : null}
    >
      <List
        loading={isPending}
        dataSource={data?.items ?? []}
        renderItem={(i) => <InteractionItem i={i} />}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.interaction.empty')} /> }}
        pagination={data && data.total > 10 ? { current: page, pageSize: 10, total: data.total, onChange: setPage, size: 'small' } : false}
      />
      <InteractionFormModal open={open} customerId={customerId} onClose={() => setOpen(false)} />
    </Card>
  );
}
