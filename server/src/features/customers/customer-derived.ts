import { COMPLETENESS_FIELDS, DEFAULT_COMPLETENESS_WEIGHTS, completenessOf, type CompletenessField } from '@guanxi/common/completeness';
import type { Db } from '../../db/database';
import { readJson } from '../../db/dialect';
import { buildSearchText } from './customer-text';
import { contactsOf, tagsOf, writeDerived } from './customers.repository';

export const COMPLETENESS_KEY = 'completeness';

/** The tenant's completeness weights (admin-edited, else the defaults). */
export async function completenessWeights(db: Db, tenantId: string): Promise<Record<CompletenessField, number>> {
  const row = await db.selectFrom('tenant_settings').select('value').where('tenant_id', '=', tenantId).where('key', '=', COMPLETENESS_KEY).executeTakeFirst();
  const stored = readJson<Partial<Record<CompletenessField, number>>>(row?.value, {});
  return Object.fromEntries(COMPLETENESS_FIELDS.map((f) => [f, stored[f] ?? DEFAULT_COMPLETENESS_WEIGHTS[f]])) as Record<CompletenessField, number>;
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

async function snapshot(db: Db, tenantId: string, id: string) {
  const c = await db.selectFrom('customers').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!c) return null;
  const [contacts, tags] = await Promise.all([contactsOf(db, tenantId, [id]), tagsOf(db, tenantId, [id])]);
  return { c, contacts, tags: tags.get(id) ?? [] };
}

export function scoreOf(s: NonNullable<Snapshot>, weights: Record<CompletenessField, number>) {
  return completenessOfValues(s.c, s.contacts[0] ?? null, s.tags, weights);
}

type ScoredColumns = 'name' | 'industry' | 'source' | 'size' | 'province' | 'city' | 'street' | 'requirement' | 'product_preference' | 'communication_preference' | 'value_tier';
type ScoredContact = { name: string; title?: string | null; mobile?: string | null; email?: string | null };

/** The completeness of a customer from its column values, primary contact and tag names (before or after it is stored). */
export function completenessOfValues(
  c: { [K in ScoredColumns]?: string | null }, primary: ScoredContact | null, tags: string[], weights: Record<CompletenessField, number>,
) {
  return completenessOf(
    {
      name: c.name ?? '', industry: c.industry ?? null, source: c.source ?? null, size: c.size ?? null,
      address: { province: c.province ?? null, city: c.city ?? null, street: c.street ?? null }, requirement: c.requirement ?? null,
      preferences: { product: c.product_preference ?? null, communication: c.communication_preference ?? null },
      valueTier: c.value_tier ?? null, tags,
      contact: primary ? { name: primary.name, title: primary.title ?? null, mobile: primary.mobile ?? null, email: primary.email ?? null } : null,
    },
    weights,
  );
}

/**
 * Recomputes what is derived from a customer and its contacts and tags — the keyword text and the completeness
 * score — in the caller's transaction, after every change to any of them.
 */
export async function refreshDerived(db: Db, tenantId: string, id: string, weights?: Record<CompletenessField, number>) {
  const s = await snapshot(db, tenantId, id);
  if (!s) return;
  const w = weights ?? (await completenessWeights(db, tenantId));
  await writeDerived(db, tenantId, id, {
    search_text: buildSearchText({ name: s.c.name, number: s.c.number, contacts: s.contacts }),
    completeness: scoreOf(s, w).score,
  });
}

/** What a customer file still lacks, heaviest first (shown on the 360 page). */
export async function missingFields(db: Db, tenantId: string, id: string): Promise<CompletenessField[]> {
  const s = await snapshot(db, tenantId, id);
  return s ? scoreOf(s, await completenessWeights(db, tenantId)).missing : [];
}

/**
 * Recomputes the completeness score of up to `limit` customers after `afterId` (in id order) in one transaction;
 * returns the last id done, or null when there are no more. Batches make a tenant-wide recompute resumable.
 */
export async function recomputeCompletenessBatch(db: Db, tenantId: string, afterId: string | null, limit = 1000): Promise<string | null> {
  const weights = await completenessWeights(db, tenantId);
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('customers').selectAll().where('tenant_id', '=', tenantId).orderBy('id').limit(limit);
    if (afterId) q = q.where('id', '>', afterId);
    const rows = await q.execute();
    if (rows.length === 0) return null;
    const ids = rows.map((r) => r.id);
    const [contacts, tags] = await Promise.all([contactsOf(trx, tenantId, ids), tagsOf(trx, tenantId, ids)]);
    for (const c of rows) {
      const own = contacts.filter((x) => x.customer_id === c.id);
      const score = scoreOf({ c, contacts: own, tags: tags.get(c.id) ?? [] }, weights).score;
      if (score !== c.completeness) await trx.updateTable('customers').set({ completeness: score }).where('id', '=', c.id).execute();
    }
    return rows.length < limit ? null : ids[ids.length - 1]!;
  });
}
