import {
  CarryOutOutlined, CheckCircleOutlined, MessageOutlined, PhoneOutlined,
  DeleteOutlined, EditOutlined, FileOutlined, InboxOutlined, MergeCellsOutlined, PlusCircleOutlined, RollbackOutlined, SwapOutlined,
  TagsOutlined, UserAddOutlined, UserOutlined,
} from '@ant-design/icons';
import { ACTIVITY_TIMELINE_TYPES } from '@guanxi/common/activities';
import type { TTimelineEvent } from '@guanxi/common/customers';
import { Card, Empty, Flex, Pagination, Segmented, Skeleton, Timeline, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { useFormatDate, useFormatRelative } from '../../../lib/format';
import { useTimeline } from '../api/get-timeline';
import { isActivityType, isKnownType, TimelineEventBody } from './timeline-event';

const GROUPS = {
  ...ACTIVITY_TIMELINE_TYPES,
  record: ['created', 'updated', 'tagged', 'deleted', 'restored', 'merged', 'merged_into'],
  owner: ['transferred', 'returned_to_pool', 'claimed', 'assigned'],
  contact: ['contact_added', 'contact_updated', 'contact_removed'],
  attachment: ['attachment_added', 'attachment_removed'],
} as const;
type Group = keyof typeof GROUPS;

const ICONS: Record<string, [ReactNode, string]> = {
  created: [<PlusCircleOutlined />, '#52c41a'],
  updated: [<EditOutlined />, '#1677ff'],
  tagged: [<TagsOutlined />, '#13c2c2'],
  transferred: [<SwapOutlined />, '#722ed1'],
  returned_to_pool: [<InboxOutlined />, '#fa8c16'],
  claimed: [<UserAddOutlined />, '#722ed1'],
  assigned: [<UserAddOutlined />, '#722ed1'],
  contact_added: [<UserOutlined />, '#1677ff'],
  contact_updated: [<UserOutlined />, '#1677ff'],
  contact_removed: [<UserOutlined />, '#8c8c8c'],
  attachment_added: [<FileOutlined />, '#1677ff'],
  attachment_removed: [<FileOutlined />, '#8c8c8c'],
  deleted: [<DeleteOutlined />, '#ff4d4f'],
  restored: [<RollbackOutlined />, '#52c41a'],
  merged: [<MergeCellsOutlined />, '#eb2f96'],
  merged_into: [<MergeCellsOutlined />, '#eb2f96'],
  followup_logged: [<MessageOutlined />, '#13c2c2'],
  followup_updated: [<MessageOutlined />, '#1677ff'],
  followup_deleted: [<MessageOutlined />, '#8c8c8c'],
  task_created: [<CarryOutOutlined />, '#1677ff'],
  task_done: [<CheckCircleOutlined />, '#52c41a'],
  task_cancelled: [<CarryOutOutlined />, '#8c8c8c'],
  task_reopened: [<CarryOutOutlined />, '#fa8c16'],
  interaction_logged: [<PhoneOutlined />, '#722ed1'],
  interaction_updated: [<PhoneOutlined />, '#1677ff'],
  interaction_deleted: [<PhoneOutlined />, '#8c8c8c'],
};

const PAGE_SIZE = 20;

/** One timeline of everything that happened to the customer, newest first, filterable by kind. */
export function CustomerTimeline({ customerId, renderUser }: { customerId: string; renderUser: (id: string) => ReactNode }) {
  const { t } = useTranslation();
  const date = useFormatDate();
  const relative = useFormatRelative();
  const [group, setGroup] = useState<Group | 'all'>('all');
  const [page, setPage] = useState(1);
  const { data, isPending, error } = useTimeline(customerId, { page, pageSize: PAGE_SIZE, types: group === 'all' ? undefined : GROUPS[group].join(',') });

  const item = (e: TTimelineEvent) => {
    const [icon, color] = ICONS[e.type] ?? [<EditOutlined />, '#8c8c8c'];
    return {
      key: e.id,
      dot: <span style={{ color, fontSize: 16 }}>{icon}</span>,
      children: (
        <Flex vertical gap={4} className="gx-timeline-item" data-testid="timeline-event">
          <Flex justify="space-between" gap={12} wrap>
            <Typography.Text>
              <Typography.Text strong>{e.actorName ?? t('timeline.system')}</Typography.Text> {isKnownType(e.type) ? t(`timeline.types.${e.type}`) : isActivityType(e.type) ? t(`activities.timeline.types.${e.type}`) : e.type}
            </Typography.Text>
            <Tooltip title={date(e.occurredAt)}>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {relative(e.occurredAt)}
              </Typography.Text>
            </Tooltip>
          </Flex>
          <TimelineEventBody event={e} renderUser={renderUser} />
        </Flex>
      ),
    };
  };

  return (
    <Card>
      <Flex vertical gap={16}>
        <Segmented
          value={group}
          onChange={(g) => {
            setGroup(g as Group | 'all');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('timeline.filter') },
            ...(Object.keys(GROUPS) as Group[]).map((g) => ({
              value: g,
              label: g in ACTIVITY_TIMELINE_TYPES ? t(`activities.timeline.groups.${g as keyof typeof ACTIVITY_TIMELINE_TYPES}`) : t(`timeline.groups.${g as 'record'}`),
            })),
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {isPending && !error ? <Skeleton active /> : null}
        {error && !data ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={error instanceof ApiError ? error.message : t('errors.loadFailed')} /> : null}
        {data && data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} /> : null}
        {data && data.items.length ? <Timeline items={data.items.map(item)} style={{ paddingTop: 8 }} /> : null}
        {data && data.total > PAGE_SIZE ? (
          <Pagination size="small" current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} showSizeChanger={false} style={{ alignSelf: 'flex-end' }} />
        ) : null}
      </Flex>
    </Card>
  );
}
