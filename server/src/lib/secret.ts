import { createHmac } from 'node:crypto';
import type { Db } from '../db/database';
import { randomToken } from './crypto';

/** HMAC-SHA256 of a session or API token under the instance secret: what the database stores instead of the token. */
export function hmac(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

/**
 * The instance secret: GUANXI_SECRET when set, else the one generated on first start and kept in app_settings
 * (shared by every process on the same database). Insert-or-ignore makes concurrent first starts agree.
 */
export async function loadOrCreateSecret(db: Db, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  await db
    .insertInto('app_settings')
    .values({ key: 'secret', value: randomToken(48) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', 'secret').executeTakeFirstOrThrow();
  return row.value;
}
