import type { Db } from '../db/database';
import { dbJson, readBool, readJson, type DialectName } from '../db/dialect';
import type { Clock } from './clock';
import { newId } from './ids';

/**
 * Leaves an in-app notification for users (the notification centre reads them). Runs in the caller's
 * transaction, so a notice exists exactly when its cause does. `type` names a message template in the web app
 * (e.g. "customer.transferred"); `data` fills it. Recipients who want this type by e-mail also get an
 * `email_outbox` row in the same transaction; the `email-outbox` job sends it (lib/email-outbox.ts).
 */
export async function notify(
  deps: { db: Db; dialect: DialectName; clock: Clock },
  tenantId: string,
  userIds: Array<string | null | undefined>,
  type: string,
  data: Record<string, unknown>,
): Promise<void> {
  const to = [...new Set(userIds.filter((u): u is string => !!u))];
  if (to.length === 0) return;
  const at = deps.clock.now().toISOString();
  const rows = to.map((user_id) => ({ id: newId(), tenant_id: tenantId, user_id, type, data: dbJson(deps.dialect, data), read_at: null, created_at: at }));
  await deps.db.insertInto('notifications').values(rows).execute();
  const settings = await deps.db.selectFrom('notification_settings').select(['user_id', 'email_enabled', 'email_types'])
    .where('tenant_id', '=', tenantId).where('user_id', 'in', to).execute();
  const wants = new Set(settings
    .filter((s) => readBool(s.email_enabled) && readJson<Record<string, boolean>>(s.email_types, {})[type] !== false)
    .map((s) => s.user_id));
  const mail = rows.filter((r) => wants.has(r.user_id));
  if (mail.length === 0) return;
  await deps.db.insertInto('email_outbox').values(mail.map((r) => ({
    id: newId(), tenant_id: tenantId, notification_id: r.id, user_id: r.user_id, state: 'pending', attempts: 0,
    next_attempt_at: at, locked_until: null, last_error: null, created_at: at, sent_at: null,
  }))).execute();
}
