import type { TCreateTagRequest, TTag, TUpdateTagRequest } from '@guanxi/common/tags';
import type { Db } from '../../db/database';
import { isUniqueViolation } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { deleteTag, ensureTags, findTag, linkTags, linkTagsMany, listTags, unlinkTags, updateTag } from './tags.repository';

/** Tags are shared by the whole tenant; anyone who may view customers sees them, editing them is an admin task. */
export async function listTenantTags(deps: AppDeps, actor: Actor): Promise<TTag[]> {
  assertCan(actor, 'customers', 'view');
  const rows = await listTags(deps.db, actor.tenantId);
  return rows.map((r) => ({ id: r.id, name: r.name, group: r.group_name, color: r.color, usage: Number(r.usage ?? 0) }));
}

export async function createTag(deps: AppDeps, actor: Actor, input: TCreateTagRequest): Promise<TTag> {
  assertCan(actor, 'customers', 'manage');
  const now = deps.clock.now().toISOString();
  const ids = await ensureTags(deps.db, actor.tenantId, [input.name], now);
  const id = ids.get(input.name)!;
  await updateTag(deps.db, actor.tenantId, id, { group_name: input.group ?? null, color: input.color ?? null });
  return (await listTenantTags(deps, actor)).find((t) => t.id === id)!;
}

export async function editTag(deps: AppDeps, actor: Actor, id: string, input: TUpdateTagRequest): Promise<TTag> {
  assertCan(actor, 'customers', 'manage');
  const before = await findTag(deps.db, actor.tenantId, id);
  if (!before) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    await updateTag(trx, actor.tenantId, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.group !== undefined ? { group_name: input.group } : {}),
      ...(input.color !== undefined ? { color: input.color } : {}),
    });
    await recordAudit({ ...deps, db: trx }, actor, {
      entity: 'tag', entityId: id, action: 'update',
      before: { name: before.name, group: before.group_name, color: before.color },
      after: { name: input.name ?? before.name, group: input.group ?? before.group_name, color: input.color ?? before.color },
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw AppError.invalid('name', 'taken');
    throw err;
  });
  return (await listTenantTags(deps, actor)).find((t) => t.id === id)!;
}

export async function removeTag(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'customers', 'manage');
  const before = await findTag(deps.db, actor.tenantId, id);
  if (!before) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    await deleteTag(trx, actor.tenantId, id);
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'tag', entityId: id, action: 'delete', before: { name: before.name }, after: null });
  });
}

/** Replaces, adds or removes a customer's tags by name, creating tags on first use. Runs in the caller's transaction. */
export async function applyCustomerTags(
  db: Db,
  tenantId: string,
  customerId: string,
  change: { set?: string[]; add?: string[]; remove?: string[] },
  now: string,
): Promise<void> {
  if (change.set) {
    const ids = await ensureTags(db, tenantId, change.set, now);
    await unlinkTags(db, tenantId, customerId);
    await linkTags(db, tenantId, customerId, [...ids.values()], now);
  }
  if (change.add?.length) {
    const ids = await ensureTags(db, tenantId, change.add, now);
    await linkTags(db, tenantId, customerId, [...ids.values()], now);
  }
  if (change.remove?.length) {
    const rows = await db.selectFrom('tags').select('id').where('tenant_id', '=', tenantId).where('name', 'in', change.remove).execute();
    await unlinkTags(db, tenantId, customerId, rows.map((r) => r.id));
  }
}

/** Ids of the named tags (trimmed names), creating the missing ones, in the caller's transaction (batch import). */
export function ensureCustomerTags(db: Db, tenantId: string, names: string[], now: string): Promise<Map<string, string>> {
  return ensureTags(db, tenantId, names, now);
}

/** Links many customers to tags at once, in the caller's transaction (batch import). */
export function linkCustomerTagsMany(db: Db, tenantId: string, links: Array<{ customerId: string; tagId: string }>, now: string): Promise<void> {
  return linkTagsMany(db, tenantId, links, now);
}
