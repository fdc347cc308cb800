import { ClockCircleOutlined, DeleteOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import type { TFollowup } from '@guanxi/common/followups';
import { Button, Card, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/authorization';
import { useDictionaryLabel } from '../../../lib/dictionaries';
import { useFormatDate } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useDeleteFollowup } from '../api/delete-followup';
import { useFollowups } from '../api/get-followups';
import { FollowupAttachments } from './followup-attachments';
import { FollowupFormModal } from './followup-form-modal';

const FEEDBACK_COLORS = { interested: 'green', evaluating: 'gold', no_need: 'default' } as const;

function FollowupItem({ f, onEdit }: { f: TFollowup; onEdit: () => void }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const label = useDictionaryLabel();
  const can = useCan();
  const remove = useDeleteFollowup();
  return (
    <List.Item
      data-testid="followup-item"
      actions={[
        ...(can('followups', 'edit') ? [<Button key="edit" type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={onEdit} />] : []),
        ...(can('followups', 'delete') ? [
        <Popconfirm key="delete" title={t('activities.followup.deleteConfirm')} onConfirm={() => remove.mutateAsync(f.id).then(() => notifySuccess(t('activities.followup.deleted')), notifyError)}>
          <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>,
        ] : []),
      ]}
    >
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{date(f.date)}</Typography.Text>
          <Typography.Text type="secondary">{t('activities.followup.by', { name: f.followerName ?? '', method: label('followup_method', f.method) })}</Typography.Text>
          {f.contactName ? <Tag bordered={false}>{f.contactName}</Tag> : null}
          {f.feedback ? <Tag color={FEEDBACK_COLORS[f.feedback]} bordered={false}>{t(`activities.feedback.${f.feedback}`)}</Tag> : null}
        </Flex>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{f.content}</Typography.Paragraph>
        {f.nextAction || f.nextFollowUpAt ? (
          <Typography.Text type="secondary">
            <FormOutlined /> {f.nextAction ?? ''}
            {f.nextFollowUpAt ? <> · <ClockCircleOutlined /> {t('activities.followup.nextTask', { time: date(f.nextFollowUpAt) })}</> : null}
          </Typography.Text>
        ) : null}
        <FollowupAttachments followupId={f.id} editable={can('followups', 'edit')} />
      </Flex>
    </List.Item>
  );
}

/** The customer's follow-up records, newest first, with the 写跟进 form. */
export function FollowupsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<TFollowup | null>(null);
  const { data, isPending } = useFollowups({ customerId, page, pageSize: 10 });
  return (
    <Card
      title={t('activities.tabs.followups')}
      extra={can('followups', 'create') ? <Button type="primary" onClick={() => setOpen(true)}>{t('activities.followup.write')}</Button> : null}
    >
      <List
        loading={isPending}
        dataSource={data?.items ?? []}
        renderItem={(f) => <FollowupItem f={f} onEdit={() => setEditing(f)} />}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.followup.empty')} /> }}
        pagination={data && data.total > 10 ? { current: page, pageSize: 10, total: data.total, onChange: setPage, size: 'small' } : false}
      />
      <FollowupFormModal open={open} customerId={customerId} onClose={() => setOpen(false)} />
      {editing ? <FollowupFormModal open customerId={customerId} followup={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
