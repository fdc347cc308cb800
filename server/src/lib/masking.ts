import { maskEmail, maskMobile, maskText } from '@guanxi/common/masking';
import type { Db } from '../db/database';
import { dbJson, type DialectName } from '../db/dialect';
import type { Actor } from './actor';
import type { Clock } from './clock';
import { newId } from './ids';

export type SensitiveKind = 'mobile' | 'email' | 'text';
/** Which fields of a DTO are sensitive, and how each is masked: `{ mobile: 'mobile', email: 'email' }`. */
export type SensitiveFields = Record<string, SensitiveKind>;

const MASKERS: Record<SensitiveKind, (v: string | null | undefined) => string | null> = {
  mobile: maskMobile,
  email: maskEmail,
  text: maskText,
};

export type MaskDeps = { db: Db; dialect: DialectName; clock: Clock };

/**
 * Shows sensitive fields to an actor: masked for roles without "view sensitive data", plain otherwise — and
 * every plain view is written to the sensitive-access log (one entry per request, listing the records).
 * Use for every response that carries sensitive data: detail, lists, search results and exports.
 */
export async function revealOrMask<T extends { id: string }>(
  deps: MaskDeps,
  actor: Actor,
  entity: string,
  records: T[],
  fields: SensitiveFields,
  action: 'view' | 'export' = 'view',
): Promise<T[]> {
  if (records.length === 0) return records;
  if (!actor.viewSensitive) return records.map((r) => maskRecord(r, fields));
  const shown = Object.keys(fields).filter((f) => records.some((r) => (r as Record<string, unknown>)[f]));
  if (shown.length > 0) {
    await deps.db
      .insertInto('sensitive_access_log')
      .values({
        id: newId(),
        tenant_id: actor.tenantId,
        user_id: actor.userId,
        entity,
        entity_ids: dbJson(deps.dialect, records.map((r) => r.id)),
        fields: dbJson(deps.dialect, shown),
        action,
        created_at: deps.clock.now().toISOString(),
      })
      .execute();
  }
  return records;
}

export function maskRecord<T>(record: T, fields: SensitiveFields): T {
  const out = { ...record } as Record<string, unknown>;
  for (const [field, kind] of Object.entries(fields)) {
    const v = out[field];
    if (typeof v === 'string') out[field] = MASKERS[kind](v);
  }
  return out as T;
}
