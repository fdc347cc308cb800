import type { Db } from '../db/database';
import { dbJson, type DialectName } from '../db/dialect';
import type { Clock } from './clock';
import { newId } from './ids';

/**
 * Leaves an in-app notification for users (the notification centre reads them). Runs in the caller's
 * transaction, so a notice exists exactly when its cause does. `type` names a message template in the web app
 * (e.g. "customer.transferred"); `data` fills it.
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
  await deps.db
    .insertInto('notifications')
    .values(to.map((user_id) => ({ id: newId(), tenant_id: tenantId, user_id, type, data: dbJson(deps.dialect, data), read_at: null, created_at: at })))
    .execute();
}
