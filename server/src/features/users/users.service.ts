import type { TPage } from '@guanxi/common/pagination';
import { normalizeMobile } from '@guanxi/common/phone';
import { DATA_SCOPES, hasPermission, type Action, type Module, type Permissions } from '@guanxi/common/permissions';
import type { TRole } from '@guanxi/common/roles';
import type { TCreateUserRequest, TListUsersQuery, TUpdateUserRequest, TUser, TUserDirectoryEntry, TUserDirectoryQuery } from '@guanxi/common/users';
import type { Updateable } from 'kysely';
import type { UsersTable } from '../../db/database';
import { dbBool, isUniqueViolation } from '../../db/dialect';
import { assertCan, can } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { hashPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { revealOrMask } from '../../lib/masking';
import { pageOf } from '../../lib/pagination';
import { endUserSessions } from '../auth/auth.service';
import { findDepartmentRef } from '../departments/departments.service';
import { adminRoleIdOf, findTenantRole } from '../roles/roles.service';
import { USER_SENSITIVE, toUser } from './users.mapper';
import {
  countActiveWithRole, countUsersInDepartment, emailTaken, findTenantUser, findUser, findWrittenUser, insertUser, listDirectory, listUsers, updateUser,
} from './users.repository';

/** Which user fields are masked for roles without "view sensitive data" (also in the audit trail). */
export { USER_SENSITIVE };

/** Any user of the tenant, ignoring data scope: for reference checks (a department head, a superior). */
export function findUserRef(db: AppDeps['db'], tenantId: string, id: string) {
  return findTenantUser(db, tenantId, id);
}

/**
 * The active colleague a spreadsheet names (an import's 跟进人 column): by e-mail, mobile in any notation, or exact
 * name; null when nobody or several people match.
 */
export async function findActiveUserByText(deps: Pick<AppDeps, 'db' | 'dialect'>, tenantId: string, text: string): Promise<string | null> {
  const t = text.trim();
  if (!t) return null;
  const mobile = normalizeMobile(t);
  const rows = await deps.db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('active', '=', dbBool(deps.dialect, true))
    .where((eb) => eb.or([eb('email', '=', t.toLowerCase()), eb('name', '=', t), ...(mobile ? [eb('mobile', '=', mobile)] : [])]))
    .limit(2).execute();
  return rows.length === 1 ? rows[0]!.id : null;
}

export function countDepartmentMembers(db: AppDeps['db'], tenantId: string, departmentId: string): Promise<number> {
  return countUsersInDepartment(db, tenantId, departmentId);
}

/** Emails are unique across tenants, because login asks for the email only. */
export function isEmailTaken(db: AppDeps['db'], email: string): Promise<boolean> {
  return emailTaken(db, email.toLowerCase());
}

export async function listVisibleUsers(deps: AppDeps, actor: Actor, q: TListUsersQuery): Promise<TPage<TUser>> {
  assertCan(actor, 'users', 'view');
  const { items, total } = await listUsers(deps.db, deps.dialect, actor, q);
  return pageOf(await revealOrMask(deps, actor, 'user', items.map(toUser), USER_SENSITIVE), total, q);
}

/** The colleague directory of the actor's tenant: any signed-in user may read names and departments. */
export async function userDirectory(deps: AppDeps, actor: Actor, q: TUserDirectoryQuery): Promise<TPage<TUserDirectoryEntry>> {
  const { items, total } = await listDirectory(deps.db, deps.dialect, actor.tenantId, q);
  const entries = items.map((r) => ({
    id: r.id, name: r.name, departmentId: r.department_id, departmentName: r.department_name ?? null, active: Boolean(r.active),
  }));
  return pageOf(entries, total, q);
}

export async function getUser(deps: AppDeps, actor: Actor, id: string): Promise<TUser> {
  assertCan(actor, 'users', 'view');
  const row = await findUser(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [user] = await revealOrMask(deps, actor, 'user', [toUser(row)], USER_SENSITIVE);
  return user!;
}

/**
 * The answer to a create or edit: the record as written, masked as usual. A permitted write may put the record
 * outside the actor's data scope (moved to another department); answering 404 would say the write failed.
 */
async function written(deps: AppDeps, actor: Actor, id: string): Promise<TUser> {
  const [user] = await revealOrMask(deps, actor, 'user', [toUser(await findWrittenUser(deps.db, actor.tenantId, id))], USER_SENSITIVE);
  return user!;
}

/**
 * Whether the actor may hand out a role. Without "roles: manage", only roles that grant nothing beyond the
 * actor's own rights: a manager cannot make someone an administrator.
 */
function canAssign(actor: Actor, role: TRole): boolean {
  if (can(actor, 'roles', 'manage')) return true;
  const perms: Permissions = role.permissions;
  const within = Object.entries(perms).every(([m, actions]) =>
    (actions ?? []).every((a) => hasPermission(actor.permissions, m as Module, a as Action)),
  );
  const scopeRank = (s: string) => DATA_SCOPES.indexOf(s as (typeof DATA_SCOPES)[number]);
  const wider = role.dataScope === 'all' ? actor.dataScope !== 'all' : scopeRank(role.dataScope) > scopeRank(actor.dataScope);
  return within && !wider && (actor.viewSensitive || !role.viewSensitive);
}

async function checkReferences(
  deps: AppDeps,
  actor: Actor,
  input: { roleId?: string; departmentId?: string | null; superiorId?: string | null },
  userId?: string,
) {
  if (input.roleId !== undefined) {
    const role = await findTenantRole(deps.db, actor.tenantId, input.roleId);
    if (!role) throw AppError.invalid('roleId', 'not_found');
    if (!canAssign(actor, role)) throw new AppError('FORBIDDEN');
  }
  if (input.departmentId && !(await findDepartmentRef(deps.db, actor.tenantId, input.departmentId))) {
    throw AppError.invalid('departmentId', 'not_found');
  }
  if (input.superiorId) {
    // Walk up from the proposed superior: meeting the user means a loop in the reporting line.
    let cursor: string | null = input.superiorId;
    for (let hops = 0; cursor && hops < 64; hops++) {
      if (cursor === userId) throw AppError.invalid('superiorId', 'cycle');
      const u = await findTenantUser(deps.db, actor.tenantId, cursor);
      if (!u) throw AppError.invalid('superiorId', 'not_found');
      cursor = u.superior_id;
    }
  }
}

export async function createUser(deps: AppDeps, actor: Actor, input: TCreateUserRequest): Promise<TUser> {
  assertCan(actor, 'users', 'create');
  const email = input.email.toLowerCase();
  if (await emailTaken(deps.db, email)) throw AppError.invalid('email', 'email_taken');
  await checkReferences(deps, actor, input);
  const id = newId();
  const now = deps.clock.now().toISOString();
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    await insertUser(trx, {
      id, tenant_id: actor.tenantId, name: input.name, email, mobile: normalizeMobile(input.mobile),
      password_hash: passwordHash, department_id: input.departmentId ?? null, role_id: input.roleId,
      superior_id: input.superiorId ?? null, active: dbBool(deps.dialect, true), created_at: now, updated_at: now,
      password_changed_at: now,
    });
    const after = { name: input.name, email, mobile: normalizeMobile(input.mobile), departmentId: input.departmentId ?? null,
      roleId: input.roleId, superiorId: input.superiorId ?? null, active: true };
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'user', entityId: id, action: 'create', after });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw AppError.invalid('email', 'email_taken');
    throw err;
  });
  return written(deps, actor, id);
}

async function assertAdminRemains(deps: AppDeps, actor: Actor, current: TUser, next: { roleId: string; active: boolean }) {
  const adminId = await adminRoleIdOf(deps.db, actor.tenantId);
  if (!adminId || current.roleId !== adminId || !current.active) return;
  if (next.roleId === adminId && next.active) return;
  if ((await countActiveWithRole(deps.db, deps.dialect, actor.tenantId, adminId)) <= 1) {
    throw AppError.unprocessable('roleId', 'last_admin');
  }
}

export async function editUser(deps: AppDeps, actor: Actor, id: string, input: TUpdateUserRequest): Promise<TUser> {
  assertCan(actor, 'users', 'edit');
  const row = await findUser(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  const current = toUser(row);
  if (current.version !== input.version) throw new AppError('VERSION_CONFLICT');
  if (input.active === false && id === actor.userId) throw AppError.unprocessable('active', 'self_deactivate');
  if (!can(actor, 'roles', 'manage')) {
    // Without "roles: manage", nobody edits a user stronger than they could create, nor widens their own reach
    // by moving themselves to another department, superior or role.
    const targetRole = await findTenantRole(deps.db, actor.tenantId, current.roleId);
    if (!targetRole || !canAssign(actor, targetRole)) throw new AppError('FORBIDDEN');
    const movesSelf = id === actor.userId && (
      (input.departmentId !== undefined && input.departmentId !== current.departmentId) ||
      (input.superiorId !== undefined && input.superiorId !== current.superiorId) ||
      (input.roleId !== undefined && input.roleId !== current.roleId));
    if (movesSelf) throw new AppError('FORBIDDEN');
  }
  const email = input.email?.toLowerCase();
  if (email && email !== current.email && (await emailTaken(deps.db, email, id))) throw AppError.invalid('email', 'email_taken');
  await checkReferences(deps, actor, {
    ...(input.roleId !== undefined && input.roleId !== current.roleId ? { roleId: input.roleId } : {}),
    departmentId: input.departmentId, superiorId: input.superiorId,
  }, id);
  await assertAdminRemains(deps, actor, current, { roleId: input.roleId ?? current.roleId, active: input.active ?? current.active });

  const set: Updateable<UsersTable> = { updated_at: deps.clock.now().toISOString() };
  const after: Partial<TUser> = {};
  if (input.name !== undefined) set.name = after.name = input.name;
  if (email !== undefined) set.email = after.email = email;
  if (input.mobile !== undefined) set.mobile = after.mobile = input.mobile ? normalizeMobile(input.mobile) : null;
  if (input.departmentId !== undefined) set.department_id = after.departmentId = input.departmentId;
  if (input.roleId !== undefined) set.role_id = after.roleId = input.roleId;
  if (input.superiorId !== undefined) set.superior_id = after.superiorId = input.superiorId;
  if (input.active !== undefined) {
    set.active = dbBool(deps.dialect, input.active);
    after.active = input.active;
  }
  const mayRemoveAdmin = (input.roleId !== undefined && input.roleId !== current.roleId) || input.active === false;
  await deps.db.transaction().execute(async (trx) => {
    // Two admins demoting each other at the same moment must not leave the tenant without one: the tenant row is
    // locked (PostgreSQL; SQLite runs one write transaction at a time) and the count is taken again after the write.
    if (mayRemoveAdmin && deps.dialect === 'postgres') {
      await trx.selectFrom('tenants').select('id').where('id', '=', actor.tenantId).forUpdate().execute();
    }
    if (!(await updateUser(trx, actor.tenantId, id, input.version, set))) throw new AppError('VERSION_CONFLICT');
    if (mayRemoveAdmin) {
      const adminId = await adminRoleIdOf(trx, actor.tenantId);
      if (adminId && (await countActiveWithRole(trx, deps.dialect, actor.tenantId, adminId)) < 1) throw AppError.unprocessable('roleId', 'last_admin');
    }
    // A deactivated user is signed out everywhere at once; API tokens stop working because the user is inactive.
    if (input.active === false) await endUserSessions(trx, actor.tenantId, id);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'user', entityId: id, action: 'update', before: current, after: { ...current, ...after } });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw AppError.invalid('email', 'email_taken');
    throw err;
  });
  return written(deps, actor, id);
}

/** Admin sets a new password for a user; all of that user's sessions end. */
export async function resetPassword(deps: AppDeps, actor: Actor, id: string, password: string): Promise<void> {
  assertCan(actor, 'users', 'manage');
  const row = await findUser(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  // Setting someone's password is taking over their role: only for roles the actor could hand out.
  const role = await findTenantRole(deps.db, actor.tenantId, row.role_id);
  if (!role || !canAssign(actor, role)) throw new AppError('FORBIDDEN');
  const hash = await hashPassword(password);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set((eb) => ({ password_hash: hash, password_changed_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    await endUserSessions(trx, actor.tenantId, id);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'user', entityId: id, action: 'reset_password', changes: [{ field: 'password', from: '***', to: '***' }] });
  });
}
