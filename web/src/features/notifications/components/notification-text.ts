import type { TNotification } from '@guanxi/common/notifications';
import type { TFunction } from 'i18next';
import { paths } from '../../../config/paths';

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
    default:
      return { text: t('notifications.unknown'), href: detail };
  }
}
