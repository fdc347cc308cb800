import type { TChangePasswordRequest, TLoginRequest, TMe, TUpdateProfileRequest } from '@guanxi/common/auth';
import type { Locale } from '@guanxi/common/i18n';
import { normalizeMobile } from '@guanxi/common/phone';
import type { DataScope, Permissions } from '@guanxi/common/permissions';
import { readBool, readJson } from '../../db/dialect';
import { actorFromRow, type Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { dummyPasswordHash, hashPassword, randomToken, verifyPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { hmac } from '../../lib/secret';
import { deleteSession, deleteUserSessions, findSessionWithActor, insertSession, touchSession } from './sessions.repository';
import { clearThrottle, readThrottle, writeThrottle } from './throttle.repository';
import { isValidTimeZone } from '@guanxi/common/timezone';

export type RequestInfo = { ip: string | null; userAgent: string | null; locale: Locale };

/** Creates a session for a user; returns the cookie value (only its HMAC is stored). */
export async function startSession(deps: AppDeps, user: { id: string; tenantId: string }, info: RequestInfo) {
  const token = randomToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.SESSION_TTL_HOURS * 3600_000);
  await insertSession(deps.db, {
    id: hmac(deps.secret, token),
    tenantId: user.tenantId,
    userId: user.id,
    csrfToken: randomToken(24),
    ip: info.ip,
    userAgent: info.userAgent?.slice(0, 300) ?? null,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  await deps.db.updateTable('users').set({ last_login_at: now.toISOString() }).where('id', '=', user.id).execute();
  return { token, maxAgeSeconds: Math.floor(deps.config.SESSION_TTL_HOURS * 3600) };
}

/** Resolves a session cookie to its actor, enforcing absolute and idle expiry. */
export async function actorFromSession(deps: AppDeps, token: string, info: RequestInfo) {
  const id = hmac(deps.secret, token);
  // The session and its user, role and department in one indexed read, on every request: logout, expiry, a
  // deactivated user, a changed role or department take effect on the next request, in every process.
  const s = await findSessionWithActor(deps.db, id);
  if (!s) return null;
  const now = deps.clock.now();
  const idleLimit = new Date(s.lastSeenAt).getTime() + deps.config.SESSION_IDLE_MINUTES * 60_000;
  if (new Date(s.expiresAt).getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await deleteSession(deps.db, id);
    return null;
  }
  const actor = s.actor && actorFromRow(s.actor, { ...info, via: 'session' });
  if (!actor) return null;
  // Sliding idle window; written at most once a minute to keep reads cheap.
  if (now.getTime() - new Date(s.lastSeenAt).getTime() > 60_000) await touchSession(deps.db, id, now.toISOString());
  return { actor, sessionId: id, csrfToken: s.csrfToken };
}

export async function endSession(deps: AppDeps, sessionId: string): Promise<void> {
  await deleteSession(deps.db, sessionId);
}

async function assertNotLocked(deps: AppDeps, keys: string[]): Promise<void> {
  const now = deps.clock.now().getTime();
  for (const key of keys) {
    const t = await readThrottle(deps.db, key);
    if (t?.lockedUntil && new Date(t.lockedUntil).getTime() > now) throw new AppError('TOO_MANY_ATTEMPTS');
  }
}

async function registerFailure(deps: AppDeps, key: string, maxFailures: number): Promise<void> {
  const now = deps.clock.now();
  const windowMs = deps.config.LOGIN_LOCK_MINUTES * 60_000;
  const t = await readThrottle(deps.db, key);
  const fresh = !t || now.getTime() - new Date(t.firstFailureAt).getTime() > windowMs;
  const failures = fresh ? 1 : t.failures + 1;
  const lockedUntil = failures >= maxFailures ? new Date(now.getTime() + windowMs).toISOString() : null;
  await writeThrottle(deps.db, key, {
    failures: lockedUntil ? 0 : failures,
    firstFailureAt: fresh || lockedUntil ? now.toISOString() : t.firstFailureAt,
    lockedUntil,
  });
}

/**
 * Checks email and password with throttling: after LOGIN_MAX_FAILURES failures for one email (or four times as
 * many from one address) within LOGIN_LOCK_MINUTES, further attempts get 429 until the lock ends.
 */
export async function login(deps: AppDeps, input: TLoginRequest, info: RequestInfo) {
  const email = input.email.trim().toLowerCase();
  const keys = [`email:${email}`, ...(info.ip ? [`ip:${info.ip}`] : [])];
  await assertNotLocked(deps, keys);
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'password_hash', 'active'])
    .where('email', '=', email)
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await registerFailure(deps, `email:${email}`, deps.config.LOGIN_MAX_FAILURES);
    if (info.ip) await registerFailure(deps, `ip:${info.ip}`, deps.config.LOGIN_MAX_FAILURES * 4);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!readBool(user.active)) throw new AppError('ACCOUNT_DISABLED');
  await clearThrottle(deps.db, `email:${email}`);
  return startSession(deps, { id: user.id, tenantId: user.tenant_id }, info);
}

/** The signed-in user's profile, tenant and role, as the web app needs it after login. */
export async function me(deps: AppDeps, actor: Actor, csrfToken: string | null): Promise<TMe> {
  const row = await deps.db
    .selectFrom('users as u')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .select([
      'u.id', 'u.name', 'u.email', 'u.mobile', 'u.department_id', 'u.role_id', 'u.locale', 'u.timezone',
      't.name as tenant_name', 'r.code as role_code', 'r.name as role_name', 'r.data_scope', 'r.view_sensitive',
      'r.permissions',
    ])
    .where('u.id', '=', actor.userId)
    .where('u.tenant_id', '=', actor.tenantId)
    .executeTakeFirstOrThrow();
  return {
    user: {
      id: row.id, name: row.name, email: row.email, mobile: row.mobile, departmentId: row.department_id,
      roleId: row.role_id, locale: row.locale, timezone: row.timezone,
    },
    tenant: { id: actor.tenantId, name: row.tenant_name },
    role: {
      id: row.role_id, code: row.role_code, name: row.role_name, dataScope: row.data_scope as DataScope,
      viewSensitive: readBool(row.view_sensitive), permissions: readJson<Permissions>(row.permissions, {}),
    },
    csrfToken,
  };
}

export async function updateProfile(deps: AppDeps, actor: Actor, input: TUpdateProfileRequest): Promise<void> {
  const set: Record<string, string> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.mobile !== undefined) set.mobile = normalizeMobile(input.mobile)!;
  if (input.locale !== undefined) set.locale = input.locale;
  if (input.timezone !== undefined) {
    if (!isValidTimeZone(input.timezone)) {
      throw AppError.invalid('timezone', 'timezone');
    }
    set.timezone = input.timezone;
  }
  if (Object.keys(set).length === 0) return;
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users').select(['name', 'mobile', 'locale', 'timezone'])
      .where('id', '=', actor.userId).where('tenant_id', '=', actor.tenantId).executeTakeFirstOrThrow();
    const now = deps.clock.now().toISOString();
    await trx.updateTable('users')
      .set((eb) => ({ ...set, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', actor.userId).where('tenant_id', '=', actor.tenantId).execute();
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'user', entityId: actor.userId, action: 'update', before, after: { ...before, ...set } });
  });
}

export async function changePassword(deps: AppDeps, actor: Actor, input: TChangePasswordRequest, keepSessionId?: string) {
  const user = await deps.db
    .selectFrom('users').select(['password_hash'])
    .where('id', '=', actor.userId).where('tenant_id', '=', actor.tenantId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw AppError.invalid('currentPassword', 'wrong_password');
  }
  const hash = await hashPassword(input.newPassword);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set((eb) => ({ password_hash: hash, password_changed_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', actor.userId).where('tenant_id', '=', actor.tenantId).execute();
    await recordAudit({ ...deps, db: trx }, actor, {
      entity: 'user', entityId: actor.userId, action: 'change_password', changes: [{ field: 'password', from: '***', to: '***' }],
    });
    // Every other session ends: a changed password must lock out whoever knew the old one.
    let q = trx.deleteFrom('sessions').where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId);
    if (keepSessionId) q = q.where('id', '!=', keepSessionId);
    await q.execute();
  });
}

/** Ends every session of a user (deactivation, password reset), in the caller's transaction. */
export function endUserSessions(db: AppDeps['db'], tenantId: string, userId: string): Promise<void> {
  return deleteUserSessions(db, tenantId, userId);
}
