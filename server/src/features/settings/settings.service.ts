import { COMPLETENESS_FIELDS, type CompletenessField } from '@guanxi/common/completeness';
import type { Db } from '../../db/database';
import { dbJson, readJson, type DialectName } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import type { Logger } from '../../lib/logger';
import { completenessWeightsOf, recomputeCompletenessStep } from '../customers/customers.service';

const WEIGHTS = 'completeness';
const RECOMPUTE = 'completeness_recompute';
type JobDeps = { db: Db; dialect: DialectName; clock: Clock; logger: Logger };

async function readSetting(db: Db, tenantId: string, key: string) {
  return db.selectFrom('tenant_settings').select(['value', 'version']).where('tenant_id', '=', tenantId).where('key', '=', key).executeTakeFirst();
}

async function writeSetting(deps: { db: Db; dialect: DialectName; clock: Clock }, tenantId: string, key: string, value: unknown) {
  const now = deps.clock.now().toISOString();
  await deps.db.insertInto('tenant_settings').values({ tenant_id: tenantId, key, value: dbJson(deps.dialect, value), updated_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet((eb) => ({ value: dbJson(deps.dialect, value), updated_at: now, version: eb('tenant_settings.version', '+', 1) })))
    .execute();
}

export async function getCompletenessWeights(deps: AppDeps, actor: Actor) {
  assertCan(actor, 'customers', 'view');
  const row = await readSetting(deps.db, actor.tenantId, WEIGHTS);
  return { weights: await completenessWeightsOf(deps.db, actor.tenantId), version: row?.version ?? 0 };
}

/**
 * Saves new weights and starts recomputing every customer's score: in batches with a stored cursor, so the
 * scheduler resumes it after a restart (runCompletenessRecompute) and lists never show a mix for long.
 */
export async function saveCompletenessWeights(deps: AppDeps, actor: Actor, input: { weights: Partial<Record<CompletenessField, number>>; version?: number }) {
  assertCan(actor, 'settings', 'manage');
  const before = await getCompletenessWeights(deps, actor);
  if (input.version !== undefined && input.version !== before.version) throw new AppError('VERSION_CONFLICT');
  const weights = Object.fromEntries(COMPLETENESS_FIELDS.map((f) => [f, input.weights[f] ?? before.weights[f]]));
  if (Object.values(weights).every((w) => w === 0)) throw AppError.invalid('weights', 'min_value', { min: 1 });
  await deps.db.transaction().execute(async (trx) => {
    await writeSetting({ ...deps, db: trx }, actor.tenantId, WEIGHTS, weights);
    await writeSetting({ ...deps, db: trx }, actor.tenantId, RECOMPUTE, { cursor: null, startedAt: deps.clock.now().toISOString() });
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'settings', entityId: WEIGHTS, action: 'update', before: before.weights, after: weights });
  });
  void runCompletenessRecompute(deps, actor.tenantId).catch((err: unknown) => {
    deps.logger.warn('completeness recompute interrupted; the scheduler resumes it', { error: err instanceof Error ? err.message : String(err) });
  });
  return getCompletenessWeights(deps, actor);
}

/** Works through pending recomputes (one tenant, or all); each batch commits with its cursor. */
export async function runCompletenessRecompute(deps: JobDeps, tenantId?: string): Promise<{ tenants: number }> {
  let q = deps.db.selectFrom('tenant_settings').select(['tenant_id', 'value']).where('key', '=', RECOMPUTE);
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  const pending = await q.execute();
  for (const p of pending) {
    let cursor = readJson<{ cursor: string | null }>(p.value, { cursor: null }).cursor;
    for (;;) {
      cursor = await recomputeCompletenessStep(deps.db, p.tenant_id, cursor);
      if (cursor === null) break;
      await writeSetting(deps, p.tenant_id, RECOMPUTE, { cursor });
    }
    await deps.db.deleteFrom('tenant_settings').where('tenant_id', '=', p.tenant_id).where('key', '=', RECOMPUTE).execute();
  }
  return { tenants: pending.length };
}
