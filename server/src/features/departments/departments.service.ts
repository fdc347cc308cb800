import type { TCreateDepartmentRequest, TDepartment, TUpdateDepartmentRequest } from '@guanxi/common/departments';
import type { Updateable } from 'kysely';
import type { DepartmentsTable } from '../../db/database';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { countDepartmentMembers, findUserRef } from '../users/users.service';
import { toDepartment } from './departments.mapper';
import {
  countChildren, deleteDepartment, findDepartment, findTenantDepartment, findWrittenDepartment, insertDepartment, listDepartments,
  movePaths, updateDepartment,
} from './departments.repository';

/** Any department of the tenant, ignoring data scope: for reference checks by other features. */
export function findDepartmentRef(db: AppDeps['db'], tenantId: string, id: string) {
  return findTenantDepartment(db, tenantId, id);
}

export async function listVisibleDepartments(deps: AppDeps, actor: Actor): Promise<TDepartment[]> {
  assertCan(actor, 'departments', 'view');
  return (await listDepartments(deps.db, actor)).map(toDepartment);
}

export async function getDepartment(deps: AppDeps, actor: Actor, id: string): Promise<TDepartment> {
  assertCan(actor, 'departments', 'view');
  const row = await findDepartment(deps.db, actor, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toDepartment(row);
}

async function assertHead(deps: AppDeps, actor: Actor, headId: string | null | undefined) {
  if (headId && !(await findUserRef(deps.db, actor.tenantId, headId))) throw AppError.invalid('headId', 'not_found');
}

export async function createDepartment(deps: AppDeps, actor: Actor, input: TCreateDepartmentRequest): Promise<TDepartment> {
  assertCan(actor, 'departments', 'create');
  let path = '';
  const id = newId();
  if (input.parentId) {
    // The parent must be one the actor can see: a manager adds sub-departments only inside their own subtree.
    const parent = await findDepartment(deps.db, actor, input.parentId);
    if (!parent) throw AppError.invalid('parentId', 'not_found');
    path = `${parent.path}${id}/`;
  } else {
    path = `/${id}/`;
  }
  await assertHead(deps, actor, input.headId);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertDepartment(trx, {
      id, tenant_id: actor.tenantId, name: input.name, parent_id: input.parentId ?? null, head_id: input.headId ?? null,
      path, sort: input.sort ?? 0, created_at: now, updated_at: now,
    });
    await recordAudit({ ...deps, db: trx }, actor, {
      entity: 'department', entityId: id, action: 'create',
      after: { name: input.name, parentId: input.parentId ?? null, headId: input.headId ?? null },
    });
  });
  // The record as written, even when it now lies outside the actor's scope (404 would say the write failed).
  return toDepartment(await findWrittenDepartment(deps.db, actor.tenantId, id));
}

export async function editDepartment(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: TUpdateDepartmentRequest,
): Promise<TDepartment> {
  assertCan(actor, 'departments', 'edit');
  const current = await findDepartment(deps.db, actor, id);
  if (!current) throw new AppError('NOT_FOUND');
  if (current.version !== input.version) throw new AppError('VERSION_CONFLICT');
  await assertHead(deps, actor, input.headId);

  const set: Updateable<DepartmentsTable> = { updated_at: deps.clock.now().toISOString() };
  if (input.name !== undefined) set.name = input.name;
  if (input.headId !== undefined) set.head_id = input.headId;
  if (input.sort !== undefined) set.sort = input.sort;
  let move: { oldPrefix: string; newPrefix: string } | null = null;
  if (input.parentId !== undefined && input.parentId !== current.parent_id) {
    let newPrefix = `/${id}/`;
    if (input.parentId) {
      const parent = await findTenantDepartment(deps.db, actor.tenantId, input.parentId);
      if (!parent) throw AppError.invalid('parentId', 'not_found');
      if (parent.path.startsWith(current.path)) throw AppError.invalid('parentId', 'cycle');
      newPrefix = `${parent.path}${id}/`;
    }
    set.parent_id = input.parentId;
    move = { oldPrefix: current.path, newPrefix };
  }

  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateDepartment(trx, actor.tenantId, id, input.version, set))) throw new AppError('VERSION_CONFLICT');
    if (move) await movePaths(trx, actor.tenantId, move.oldPrefix, move.newPrefix);
    const after = { ...toDepartment(current), ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.headId !== undefined ? { headId: input.headId } : {}), ...(input.sort !== undefined ? { sort: input.sort } : {}),
      ...(input.parentId !== undefined ? { parentId: input.parentId } : {}) };
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'department', entityId: id, action: 'update', before: toDepartment(current), after });
  });
  // The record as written, even when it now lies outside the actor's scope (404 would say the write failed).
  return toDepartment(await findWrittenDepartment(deps.db, actor.tenantId, id));
}

/** Deletes an empty department (no members, no sub-departments). */
export async function removeDepartment(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'departments', 'delete');
  const current = await findDepartment(deps.db, actor, id);
  if (!current) throw new AppError('NOT_FOUND');
  if ((await countChildren(deps.db, actor.tenantId, id)) > 0 || (await countDepartmentMembers(deps.db, actor.tenantId, id)) > 0) {
    throw AppError.unprocessable('id', 'has_members');
  }
  await deps.db.transaction().execute(async (trx) => {
    await deleteDepartment(trx, actor.tenantId, id);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'department', entityId: id, action: 'delete', before: toDepartment(current), after: null });
  });
}
