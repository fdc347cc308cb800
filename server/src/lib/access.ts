import { hasPermission, type Action, type Module } from '@guanxi/common/permissions';
import { sql, type Expression, type SqlBool } from 'kysely';
import { escapeLike } from '../db/dialect';
import type { Actor } from './actor';
import { AppError } from './errors';

/** True when the actor's role grants `action` on `module`. */
export function can(actor: Actor, module: Module, action: Action): boolean {
  return actor.via === 'system' || hasPermission(actor.permissions, module, action);
}

/** Throws FORBIDDEN (403) unless the actor's role grants `action` on `module`. Call it first in every service function. */
export function assertCan(actor: Actor, module: Module, action: Action): void {
  if (!can(actor, module, action)) throw new AppError('FORBIDDEN');
}

/**
 * Which columns of a table tell whose row it is.
 * - `owner`: the owning user's id (customers.owner_id, tasks.assignee_id, users.id for users themselves).
 * - `department`: the row's own department id when it has one (users.department_id, departments.id);
 *   without it, department scopes go through the owner's department.
 */
export type ScopeColumns = { owner?: string; department?: string };

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

function subordinatesOf(actor: Actor) {
  // The actor and everyone below them in the superior chain (recursive; both databases support it).
  return sql`(with recursive sub(id) as (
    select id from users where id = ${actor.userId} and tenant_id = ${actor.tenantId}
    union select u.id from users u join sub on u.superior_id = sub.id where u.tenant_id = ${actor.tenantId}
  ) select id from sub)`;
}

function subtreeDepartments(actor: Actor) {
  const prefix = `${escapeLike(actor.departmentPath ?? '')}%`;
  return sql`(select id from departments where tenant_id = ${actor.tenantId} and path like ${prefix} escape '\\')`;
}

/**
 * The data-scope condition for a query: add it with `.where(scopeFilter(actor, { owner: 'customers.owner_id' }))`.
 * Rows outside the scope simply do not exist for the actor, so reads answer 404 and lists leave them out.
 * Tenant isolation is separate: every repository also filters on `tenant_id`.
 */
export function scopeFilter(actor: Actor, cols: ScopeColumns): Expression<SqlBool> {
  const owner = cols.owner ? sql.ref(cols.owner) : null;
  const dept = cols.department ? sql.ref(cols.department) : null;
  const scope = actor.via === 'system' ? 'all' : actor.dataScope;
  const ownDept = actor.departmentId;

  switch (scope) {
    case 'all':
      return TRUE;
    case 'self':
      if (owner) return sql<SqlBool>`${owner} = ${actor.userId}`;
      return dept && ownDept ? sql<SqlBool>`${dept} = ${ownDept}` : FALSE;
    case 'self_and_subordinates':
      if (owner) return sql<SqlBool>`${owner} in ${subordinatesOf(actor)}`;
      return dept && ownDept ? sql<SqlBool>`${dept} = ${ownDept}` : FALSE;
    case 'department':
      if (!ownDept) return owner ? sql<SqlBool>`${owner} = ${actor.userId}` : FALSE;
      if (dept) return sql<SqlBool>`${dept} = ${ownDept}`;
      return sql<SqlBool>`${owner} in (select id from users where tenant_id = ${actor.tenantId} and department_id = ${ownDept})`;
    case 'department_and_children':
      if (!ownDept || !actor.departmentPath) return owner ? sql<SqlBool>`${owner} = ${actor.userId}` : FALSE;
      if (dept) return sql<SqlBool>`${dept} in ${subtreeDepartments(actor)}`;
      return sql<SqlBool>`${owner} in (select id from users where tenant_id = ${actor.tenantId} and department_id in ${subtreeDepartments(actor)})`;
  }
}
