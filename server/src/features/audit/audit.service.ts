import type { TAuditEntry, TAuditQuery, TFieldChange } from '@guanxi/common/audit';
import type { TPage } from '@guanxi/common/pagination';
import { readJson, readTimestamp } from '../../db/dialect';
import { can } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { maskRecord, type SensitiveFields } from '../../lib/masking';
import { pageOf } from '../../lib/pagination';
import { getContact } from '../contacts/contacts.service';
import { getCustomer } from '../customers/customers.service';
import { getDepartment } from '../departments/departments.service';
import { getRole } from '../roles/roles.service';
import { getUser, USER_SENSITIVE } from '../users/users.service';
import { listAudit, type AuditRow } from './audit.repository';
import { getFollowup } from '../followups/followups.service';
import { getInteraction } from '../interactions/interactions.service';
import { getTask } from '../tasks/tasks.service';

/**
 * How to tell whether the actor may see one record of an entity: its service's getter throws NOT_FOUND or
 * FORBIDDEN when not. Each module that writes audit entries adds its entity here.
 */
const RECORD_ACCESS: Record<string, (deps: AppDeps, actor: Actor, id: string) => Promise<unknown>> = {
  user: getUser,
  department: getDepartment,
  role: getRole,
  customer: getCustomer,
  contact: getContact,
  followup: getFollowup,
  task: getTask,
  interaction: getInteraction,
};

/** Sensitive fields per entity: in the trail they are masked exactly as in the record for roles without the right. */
const RECORD_SENSITIVE: Record<string, SensitiveFields> = {
  user: USER_SENSITIVE,
};

function maskChanges(entry: TAuditEntry): TAuditEntry {
  const fields = RECORD_SENSITIVE[entry.entity];
  if (!fields) return entry;
  const mask = (field: string, value: unknown) => maskRecord({ [field]: value }, fields)[field];
  return { ...entry, changes: entry.changes.map((c) => (fields[c.field] ? { ...c, from: mask(c.field, c.from), to: mask(c.field, c.to) } : c)) };
}

function toEntry(row: AuditRow): TAuditEntry {
  return {
    id: row.id, actorId: row.actor_id, actorName: row.actor_name, entity: row.entity, entityId: row.entity_id,
    action: row.action, changes: readJson<TFieldChange[]>(row.changes, []), ip: row.ip, createdAt: readTimestamp(row.created_at),
  };
}

/**
 * The audit trail. Per record (entity + entityId): anyone who may see the record. Tenant-wide: admins only
 * ("settings: manage").
 */
export async function readAudit(deps: AppDeps, actor: Actor, q: TAuditQuery): Promise<TPage<TAuditEntry>> {
  const access = q.entity && q.entityId ? RECORD_ACCESS[q.entity] : undefined;
  if (!can(actor, 'settings', 'manage')) {
    if (!access) throw new AppError('FORBIDDEN');
    await access(deps, actor, q.entityId!);
  }
  const { items, total } = await listAudit(deps.db, actor.tenantId, q);
  // Admins too get 404 for a record that is not the tenant's; a deleted record of the tenant keeps its history.
  if (access && total === 0) await access(deps, actor, q.entityId!);
  const entries = items.map(toEntry);
  return pageOf(actor.viewSensitive ? entries : entries.map(maskChanges), total, q);
}
