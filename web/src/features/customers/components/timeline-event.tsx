import { ArrowRightOutlined } from '@ant-design/icons';
import { ACTIVITY_TIMELINE_TYPES } from '@guanxi/common/activities';
import type { TTimelineEvent } from '@guanxi/common/customers';
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useFormatDate } from '../../../lib/format';
import { useCustomerFieldRenderers } from './customer-value';

type Change = { field: string; from: unknown; to: unknown };
type Ref = { id?: string; name?: string; number?: string };

const KNOWN_TYPES = [
  'created', 'updated', 'transferred', 'tagged', 'contact_added', 'contact_updated', 'contact_removed', 'returned_to_pool', 'claimed',
  'assigned', 'deleted', 'restored', 'attachment_added', 'attachment_removed', 'merged', 'merged_into',
] as const;
export const isKnownType = (type: string): type is (typeof KNOWN_TYPES)[number] => (KNOWN_TYPES as readonly string[]).includes(type);
const ACTIVITY_TYPES = Object.values(ACTIVITY_TIMELINE_TYPES).flat();
export const isActivityType = (type: string): type is (typeof ACTIVITY_TYPES)[number] => (ACTIVITY_TYPES as readonly string[]).includes(type);

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => x === null || x === ''));
const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const formatBytes = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`);

/** Field changes; custom fields are compared key by key so only what changed shows. */
function expand(changes: Change[]): Change[] {
  return changes.flatMap((c) => {
    if (c.field !== 'custom') return [c];
    const from = (c.from ?? {}) as Record<string, unknown>;
    const to = (c.to ?? {}) as Record<string, unknown>;
    return [...new Set([...Object.keys(from), ...Object.keys(to)])]
      .filter((k) => JSON.stringify(from[k] ?? null) !== JSON.stringify(to[k] ?? null))
      .map((k) => ({ field: `custom.${k}`, from: from[k], to: to[k] }));
  });
}

/** What one timeline entry says beyond its title: field changes, owners, tags, contacts, files, merges. */
export function TimelineEventBody({ event, renderUser }: { event: TTimelineEvent; renderUser: (id: string) => ReactNode }) {
  const { t } = useTranslation();
  const { label, value } = useCustomerFieldRenderers(renderUser);
  const date = useFormatDate();
  const d = event.data;
  const secondary = (text: ReactNode) => <Typography.Text type="secondary">{text}</Typography.Text>;
  const reason = str(d.reason) ? secondary(t('timeline.reason', { reason: str(d.reason) })) : null;
  switch (event.type) {
    case 'created':
      return secondary(t('timeline.createdText', { number: str(d.number) }));
    case 'updated':
      return (
        <Flex vertical gap={2}>
          {expand((d.changes as Change[] | undefined) ?? []).map((c) => (
            <Flex key={c.field} gap={6} align="baseline" wrap>
              <Typography.Text type="secondary">{label(c.field)}:</Typography.Text>
              <Typography.Text delete={!isEmpty(c.from)} type="secondary">
                {value(c.field, c.from)}
              </Typography.Text>
              <ArrowRightOutlined style={{ fontSize: 11, color: '#8c8c8c' }} />
              <span>{value(c.field, c.to)}</span>
            </Flex>
          ))}
        </Flex>
      );
    case 'transferred':
      return (
        <Flex vertical gap={2}>
          <Flex gap={6} align="center" wrap>
            <span>{str(d.fromName) || (d.from ? renderUser(str(d.from)) : t('customers.inPool'))}</span>
            <ArrowRightOutlined style={{ fontSize: 11, color: '#8c8c8c' }} />
            <span>{renderUser(str(d.to))}</span>
          </Flex>
          {reason}
        </Flex>
      );
    case 'tagged': {
      const add = (d.add as string[] | undefined) ?? [];
      const remove = (d.remove as string[] | undefined) ?? [];
      return (
        <Flex gap={4} wrap align="center">
          {add.length ? secondary(t('timeline.addedTags')) : null}
          {add.map((tag) => (
            <Tag key={`+${tag}`} color="blue" bordered={false}>
              {tag}
            </Tag>
          ))}
          {remove.length ? secondary(t('timeline.removedTags')) : null}
          {remove.map((tag) => (
            <Tag key={`-${tag}`} bordered={false} style={{ textDecoration: 'line-through' }}>
              {tag}
            </Tag>
          ))}
        </Flex>
      );
    }
    case 'contact_added':
    case 'contact_removed':
      return <span>{str(d.name)}</span>;
    case 'contact_updated': {
      const fields = ((d.fields as string[] | undefined) ?? []).map((f) => t(`contacts.${f === 'title' ? 'title2' : (f as 'name')}`, { defaultValue: f }));
      return (
        <Flex vertical>
          <span>{str(d.name)}</span>
          {fields.length ? secondary(t('timeline.contactFields', { fields: fields.join('、') })) : null}
        </Flex>
      );
    }
    case 'returned_to_pool':
      return (
        <Flex vertical gap={2}>
          {d.auto ? secondary(t('timeline.autoReturned')) : null}
          {d.from ? secondary(<>{t('customers.fields.ownerName')}: {renderUser(str(d.from))}</>) : null}
          {reason}
        </Flex>
      );
    case 'assigned':
      return secondary(<>{t('timeline.assignedTo')} {renderUser(str(d.ownerId))}</>);
    case 'attachment_added':
    case 'attachment_removed':
      return <span>{t('timeline.fileSize', { name: str(d.fileName), size: formatBytes(Number(d.size ?? 0)) })}</span>;
    case 'merged': {
      const source = (d.source ?? {}) as Ref;
      const contacts = Array.isArray(d.movedContacts) ? d.movedContacts.length : 0;
      return secondary(t('timeline.mergedText', { name: source.name ?? '', number: source.number ?? '', contacts, attachments: Number(d.movedAttachments ?? 0) }));
    }
    case 'merged_into': {
      const target = (d.target ?? {}) as Ref;
      return target.id ? <Link to={paths.customers.detail.getHref(target.id)}>{t('timeline.mergedIntoText', { name: target.name ?? '', number: target.number ?? '' })}</Link> : null;
    }
    case 'followup_logged':
    case 'followup_deleted':
      return (
        <Flex vertical gap={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{str(d.content)}</span>
          {d.feedback ? secondary(t(`activities.feedback.${str(d.feedback) as 'interested'}`)) : null}
          {d.nextFollowUpAt ? secondary(t('activities.timeline.next', { time: date(str(d.nextFollowUpAt)) })) : null}
        </Flex>
      );
    case 'task_created':
    case 'task_done':
    case 'task_cancelled':
    case 'task_reopened':
      return (
        <Flex gap={6} wrap align="baseline">
          <span>{str(d.subject)}</span>
          {d.dueAt ? secondary(t('activities.timeline.due', { time: date(str(d.dueAt)) })) : null}
          {event.type === 'task_done' && typeof d.onTime === 'boolean' ? (
            <Tag color={d.onTime ? 'success' : 'warning'} bordered={false}>{t(d.onTime ? 'activities.task.onTime' : 'activities.task.late')}</Tag>
          ) : null}
        </Flex>
      );
    case 'interaction_logged':
    case 'interaction_updated':
    case 'interaction_deleted':
      return (
        <Flex vertical gap={2}>
          <span>
            {d.kind ? t(`activities.interaction.kinds.${str(d.kind) as 'call'}`) : null}
            {d.subject ? ` · ${str(d.subject)}` : ''}
            {typeof d.durationSeconds === 'number' ? ` · ${t('activities.interaction.duration', { minutes: Math.floor(d.durationSeconds / 60), seconds: d.durationSeconds % 60 })}` : ''}
          </span>
          {d.result ? secondary(str(d.result)) : null}
          {d.content ? secondary(str(d.content)) : null}
        </Flex>
      );
    default:
      return null;
  }
}
