import type { TNotification } from '@guanxi/common/notifications';
import type { TFunction } from 'i18next';
import { paths } from '../../../config/paths';
import { currentLocale } from '../../../lib/i18n';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A notice in the UI language from its type and data, and where clicking it leads. */
export function describeNotification(n: TNotification, t: TFunction, myId: string): { text: string; href: string | null } {
  const d = n.data;
  const customer = str(d.customerName) || str(d.number);
  const by = str(d.by) || t('timeline.system');
  const detail = d.customerId ? paths.customers.detail.getHref(str(d.customerId)) : null;
  switch (n.type) {
    case 'customer.transferred': {
      const key = d.to === myId ? 'notifications.transferredToMe' : d.from === myId ? 'notifications.transferredAway' : 'notifications.transferred';
      return { text: t(key, { by, customer }), href: d.to === myId ? detail : null };
    }
    case 'customer.assigned':
      return { text: customer ? t('notifications.assignedNamed', { by, customer }) : t('notifications.assigned', { by }), href: detail };
    case 'customer.returned_to_pool':
      return { text: t(d.auto ? 'notifications.returnedToPoolAuto' : 'notifications.returnedToPool', { customer }), href: paths.pools.getHref(str(d.poolId) || undefined) };
    case 'customer.pool_warning':
      return { text: t('notifications.poolWarning', { customer, days: Number(d.withinDays ?? 0) }), href: detail };
    case 'task.reminder': {
      const time = new Date(str(d.dueAt)).toLocaleString(currentLocale() === 'en' ? 'en-US' : 'zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
      const key = customer ? 'activities.notifications.reminderCustomer' : 'activities.notifications.reminder';
      return { text: t(key, { subject: str(d.subject), customer, time }), href: detail ?? paths.tasks.getHref() };
    }
    case 'task.assigned':
      return { text: t('activities.notifications.assigned', { by, subject: str(d.subject) }), href: paths.tasks.getHref() };
    case 'import.finished':
      return {
        text: t('notifications.importFinished', {
          file: str(d.fileName), created: Number(d.created ?? 0), updated: Number(d.updated ?? 0), skipped: Number(d.skipped ?? 0), failed: Number(d.failed ?? 0),
        }),
        href: paths.imports.getHref(),
      };
    default:
      return { text: t('notifications.unknown'), href: detail };
  }
}
