import type { TFieldChange } from '@guanxi/common/audit';
import type { Db } from '../db/database';
import { dbJson, type DialectName } from '../db/dialect';
import type { Actor } from './actor';
import type { Clock } from './clock';
import { newId } from './ids';

/** Fields never written to the audit trail, whatever the entity. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'password_hash', 'tokenHash', 'token_hash']);

/**
 * The field-level difference between two versions of a record (camelCase DTOs).
 * @example diffRecords({ name: 'A', version: 1 }, { name: 'B', version: 2 }) // [{ field: 'name', from: 'A', to: 'B' }]
 */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[] = ['version', 'updatedAt', 'createdAt'],
): TFieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: TFieldChange[] = [];
  for (const field of keys) {
    if (ignore.includes(field)) continue;
    const from = before?.[field] ?? null;
    const to = after?.[field] ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes.push(SECRET_FIELDS.has(field) ? { field, from: '***', to: '***' } : { field, from, to });
  }
  return changes;
}

export type AuditInput = {
  entity: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Explicit changes, for actions that are not a plain field edit (merge, transfer, password reset). */
  changes?: TFieldChange[];
};

export type AuditDeps = { db: Db; dialect: DialectName; clock: Clock };

/**
 * Writes one audit entry in the caller's transaction: who changed which field of which record from what to
 * what, when. Pass the same `trx` the change used so both land or neither does.
 */
export async function recordAudit(deps: AuditDeps, actor: Actor, input: AuditInput): Promise<void> {
  const changes = input.changes ?? diffRecords(input.before ?? null, input.after ?? null);
  if (input.action === 'update' && changes.length === 0) return;
  await deps.db
    .insertInto('audit_log')
    .values({
      id: newId(),
      tenant_id: actor.tenantId,
      actor_id: actor.via === 'system' ? null : actor.userId,
      actor_name: actor.name,
      entity: input.entity,
      entity_id: input.entityId,
      action: input.action,
      changes: dbJson(deps.dialect, changes),
      ip: actor.ip,
      created_at: deps.clock.now().toISOString(),
    })
    .execute();
}

/** Many audit entries in one multi-row INSERT (a batch of imported customers), in the caller's transaction. */
export async function recordAuditMany(deps: AuditDeps, actor: Actor, inputs: AuditInput[]): Promise<void> {
  const now = deps.clock.now().toISOString();
  const rows = inputs
    .map((input) => ({ input, changes: input.changes ?? diffRecords(input.before ?? null, input.after ?? null) }))
    .filter(({ input, changes }) => !(input.action === 'update' && changes.length === 0))
    .map(({ input, changes }) => ({
      id: newId(), tenant_id: actor.tenantId, actor_id: actor.via === 'system' ? null : actor.userId, actor_name: actor.name,
      entity: input.entity, entity_id: input.entityId, action: input.action, changes: dbJson(deps.dialect, changes), ip: actor.ip, created_at: now,
    }));
  for (let i = 0; i < rows.length; i += 500) await deps.db.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
}
