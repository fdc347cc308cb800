import type { TNotification, TNotificationsQuery } from '@guanxi/common/notifications';
import { readJson, readTimestamp } from '../../db/dialect';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { offsetOf } from '../../lib/pagination';

/** The signed-in user's own notifications, newest first, with the unread count (the bell in the header). */
export async function listMyNotifications(deps: AppDeps, actor: Actor, q: TNotificationsQuery) {
  const mine = deps.db.selectFrom('notifications').where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId);
  const filtered = q.unread === 'true' ? mine.where('read_at', 'is', null) : mine;
  const [rows, total, unread] = await Promise.all([
    filtered.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    mine.where('read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: TNotification[] = rows.map((r) => ({
    id: r.id, type: r.type, data: readJson<Record<string, unknown>>(r.data, {}), readAt: readTimestamp(r.read_at, true),
    createdAt: readTimestamp(r.created_at),
  }));
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize, unread: Number(unread.n) };
}

/** Marks one of my notifications read (another user's id is simply not found). */
export async function markRead(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const res = await deps.db.updateTable('notifications').set({ read_at: deps.clock.now().toISOString() })
    .where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId).where('id', '=', id).where('read_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    const exists = await deps.db.selectFrom('notifications').select('id')
      .where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId).where('id', '=', id).executeTakeFirst();
    if (!exists) throw new AppError('NOT_FOUND');
  }
}

export async function markAllRead(deps: AppDeps, actor: Actor): Promise<void> {
  await deps.db.updateTable('notifications').set({ read_at: deps.clock.now().toISOString() })
    .where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId).where('read_at', 'is', null).execute();
}
