import type { TCreateRoleRequest, TRole, TUpdateRoleRequest } from '@guanxi/common/roles';
import type { Updateable } from 'kysely';
import type { RolesTable } from '../../db/database';
import { dbBool, dbJson, isUniqueViolation } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { toRole } from './roles.mapper';
import { deleteRole, findRole, findRoleByCode, insertRole, listRoles, updateRole } from './roles.repository';

/** A role of the tenant by id, for reference checks by other features (no permission check). */
export async function findTenantRole(db: AppDeps['db'], tenantId: string, id: string): Promise<TRole | undefined> {
  const row = await findRole(db, tenantId, id);
  return row ? toRole(row) : undefined;
}

/** The id of the tenant's seeded administrator role. */
export async function adminRoleIdOf(db: AppDeps['db'], tenantId: string): Promise<string | null> {
  return (await findRoleByCode(db, tenantId, 'admin'))?.id ?? null;
}

export async function listTenantRoles(deps: AppDeps, actor: Actor): Promise<TRole[]> {
  assertCan(actor, 'roles', 'view');
  return (await listRoles(deps.db, actor.tenantId)).map(toRole);
}

export async function getRole(deps: AppDeps, actor: Actor, id: string): Promise<TRole> {
  assertCan(actor, 'roles', 'view');
  const row = await findRole(deps.db, actor.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toRole(row);
}

export async function createRole(deps: AppDeps, actor: Actor, input: TCreateRoleRequest): Promise<TRole> {
  assertCan(actor, 'roles', 'create');
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertRole(trx, {
      id, tenant_id: actor.tenantId, code: input.code ?? null, name: input.name, description: input.description ?? null,
      data_scope: input.dataScope, permissions: dbJson(deps.dialect, input.permissions),
      view_sensitive: dbBool(deps.dialect, input.viewSensitive), is_system: dbBool(deps.dialect, false),
      created_at: now, updated_at: now,
    });
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'role', entityId: id, action: 'create', after: { ...input } });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw AppError.invalid('code', 'taken');
    throw err;
  });
  return getRole(deps, actor, id);
}

/**
 * Edits a role. The seeded administrator role keeps every right and the "all" scope, so a tenant can never
 * lock itself out; its name and description may change.
 */
export async function editRole(deps: AppDeps, actor: Actor, id: string, input: TUpdateRoleRequest): Promise<TRole> {
  assertCan(actor, 'roles', 'edit');
  const row = await findRole(deps.db, actor.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  const current = toRole(row);
  if (current.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const isAdmin = current.isSystem && current.code === 'admin';
  if (isAdmin && (input.permissions !== undefined || input.dataScope !== undefined || input.viewSensitive === false)) {
    throw AppError.unprocessable('permissions', 'last_admin');
  }
  const set: Updateable<RolesTable> = { updated_at: deps.clock.now().toISOString() };
  const after: Partial<TRole> = {};
  if (input.name !== undefined) set.name = after.name = input.name;
  if (input.description !== undefined) set.description = after.description = input.description ?? null;
  if (input.dataScope !== undefined) set.data_scope = after.dataScope = input.dataScope;
  if (input.viewSensitive !== undefined) {
    set.view_sensitive = dbBool(deps.dialect, input.viewSensitive);
    after.viewSensitive = input.viewSensitive;
  }
  if (input.permissions !== undefined) {
    set.permissions = dbJson(deps.dialect, input.permissions);
    after.permissions = input.permissions;
  }
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateRole(trx, actor.tenantId, id, input.version, set))) throw new AppError('VERSION_CONFLICT');
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'role', entityId: id, action: 'update', before: current, after: { ...current, ...after } });
  });
  return getRole(deps, actor, id);
}

export async function removeRole(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'roles', 'delete');
  const row = await findRole(deps.db, actor.tenantId, id);
  if (!row) throw new AppError('NOT_FOUND');
  const current = toRole(row);
  if (current.isSystem) throw AppError.unprocessable('code', 'system_role');
  if (current.userCount > 0) throw AppError.unprocessable('id', 'role_in_use');
  await deps.db.transaction().execute(async (trx) => {
    await deleteRole(trx, actor.tenantId, id);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'role', entityId: id, action: 'delete', before: current, after: null });
  });
}
