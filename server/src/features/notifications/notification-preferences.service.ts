import { NOTIFICATION_TYPES, type TNotificationPreferences, type TNotificationPreferencesAnswer } from '@guanxi/common/notifications';
import { dbBool, dbJson, readBool, readJson } from '../../db/dialect';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';

async function current(deps: AppDeps, actor: Actor): Promise<TNotificationPreferences> {
  const row = await deps.db.selectFrom('notification_settings').select(['email_enabled', 'email_types'])
    .where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId).executeTakeFirst();
  return { emailEnabled: row ? readBool(row.email_enabled) : false, emailTypes: readJson<Record<string, boolean>>(row?.email_types, {}) };
}

/** My notification preferences: in-app always; e-mail off until I switch it on, then per type. */
export async function getNotificationPreferences(deps: AppDeps, actor: Actor): Promise<TNotificationPreferencesAnswer> {
  const user = await deps.db.selectFrom('users').select('email').where('tenant_id', '=', actor.tenantId).where('id', '=', actor.userId).executeTakeFirst();
  if (!user) throw new AppError('NOT_FOUND');
  return { ...(await current(deps, actor)), types: [...NOTIFICATION_TYPES], emailConfigured: !!deps.config.SMTP_URL, email: user.email };
}

export async function saveNotificationPreferences(deps: AppDeps, actor: Actor, input: TNotificationPreferences): Promise<TNotificationPreferencesAnswer> {
  for (const type of Object.keys(input.emailTypes)) {
    if (!(NOTIFICATION_TYPES as readonly string[]).includes(type)) throw AppError.invalid(`emailTypes.${type}`, 'one_of', { options: NOTIFICATION_TYPES.join(', ') });
  }
  const before = await current(deps, actor);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const values = { email_enabled: dbBool(deps.dialect, input.emailEnabled), email_types: dbJson(deps.dialect, input.emailTypes), updated_at: now };
    await trx.insertInto('notification_settings').values({ user_id: actor.userId, tenant_id: actor.tenantId, version: 1, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet((eb) => ({ ...values, version: eb('notification_settings.version', '+', 1) })))
      .execute();
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'notification_settings', entityId: actor.userId, action: 'update', before, after: input });
  });
  return getNotificationPreferences(deps, actor);
}
