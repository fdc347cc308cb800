import type { Db } from '../../db/database';

export type SessionRow = {
  id: string;
  tenantId: string;
  userId: string;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
};

export async function insertSession(
  db: Db,
  s: SessionRow & { ip: string | null; userAgent: string | null; createdAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      tenant_id: s.tenantId,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      ip: s.ip,
      user_agent: s.userAgent,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
    })
    .execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRow | null> {
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'tenant_id', 'user_id', 'csrf_token', 'last_seen_at', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : v);
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    lastSeenAt: iso(row.last_seen_at),
    expiresAt: iso(row.expires_at),
  };
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (deactivation, password reset). */
export async function deleteUserSessions(db: Db, tenantId: string, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
