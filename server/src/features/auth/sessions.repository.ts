import type { Db } from '../../db/database';
import { ACTOR_COLUMNS, type ActorRow } from '../../lib/actor';

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

function sessionWithActorQuery(db: Db, id: string) {
  return db
    .selectFrom('sessions as s')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 's.user_id').onRef('u.tenant_id', '=', 's.tenant_id'))
    .leftJoin('roles as r', (j) => j.onRef('r.id', '=', 'u.role_id').onRef('r.tenant_id', '=', 'u.tenant_id'))
    .leftJoin('departments as d', (j) => j.onRef('d.id', '=', 'u.department_id').onRef('d.tenant_id', '=', 'u.tenant_id'))
    .select([
      's.id as session_id',
      's.tenant_id as session_tenant_id',
      's.user_id',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      ...ACTOR_COLUMNS,
    ])
    .where('s.id', '=', id);
}

type SessionQuery = ReturnType<typeof sessionWithActorQuery>;
// The statement's text per database handle: only the session id changes between requests, and building and
// compiling it with Kysely cost ~0.1 ms of CPU, on every request. Only the SQL text is kept, never a result.
const compiledSessionQueries = new WeakMap<Db, ReturnType<SessionQuery['compile']>>();

function compiledSessionQuery(db: Db) {
  let compiled = compiledSessionQueries.get(db);
  if (!compiled) {
    compiled = sessionWithActorQuery(db, '').compile();
    if (compiled.parameters.length !== 1) throw new Error('the session query must have exactly one parameter');
    compiledSessionQueries.set(db, compiled);
  }
  return compiled;
}

/**
 * A session together with its user, role and department (the Actor's columns), in one query: every request
 * resolves its cookie through this, so the session and the user are read in one round trip instead of two. The
 * user, role and department are left joins so a session whose user or role is gone is still found (and its expiry
 * handled) as before; `actor` is then null.
 */
export async function findSessionWithActor(db: Db, id: string): Promise<(SessionRow & { actor: ActorRow | null }) | null> {
  const compiled = compiledSessionQuery(db);
  const query: typeof compiled = { ...compiled, parameters: [id] };
  const { rows } = await db.executeQuery(query);
  const row = rows[0];
  if (!row) return null;
  const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : v);
  const { id: userId, tenant_id: tenantId, name, role_id: roleId, data_scope: dataScope } = row;
  const actor: ActorRow | null =
    userId != null && tenantId != null && name != null && roleId != null && dataScope != null
      ? { ...row, id: userId, tenant_id: tenantId, name, role_id: roleId, data_scope: dataScope, department_id: row.department_id ?? null, role_code: row.role_code ?? null }
      : null;
  return {
    id: row.session_id,
    tenantId: row.session_tenant_id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    lastSeenAt: iso(row.last_seen_at),
    expiresAt: iso(row.expires_at),
    actor,
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
