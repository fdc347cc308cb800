import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../../db/database';
import type { DialectName } from '../../db/dialect';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { notify } from '../../lib/notify';
import { dueBefore } from './pool-rules';
import { defaultPool, moveToPool } from './pools.service';

type SweepDeps = { db: Db; dialect: DialectName; clock: Clock };
const BATCH = 500;
const DAY = 86_400_000;

function systemActor(tenantId: string): Actor {
  return {
    tenantId, userId: 'system', name: '系统', departmentId: null, departmentPath: null, roleId: 'system', roleCode: null,
    dataScope: 'all', permissions: {}, viewSensitive: true, locale: 'zh-CN', ip: null, via: 'system',
  };
}

/**
 * The public-pool rules, applied to every tenant: owned customers past their deadline return to the default pool
 * (in batches, each customer in its own transaction, so an interrupted sweep resumes where it stopped), and owners
 * of customers whose deadline falls within the warning window get one notice per customer.
 */
export async function runPoolSweep(deps: SweepDeps, now = deps.clock.now()): Promise<{ returned: number; warned: number }> {
  let returned = 0;
  let warned = 0;
  const tenants = await deps.db.selectFrom('tenants').select('id').execute();
  for (const { id: tenantId } of tenants) {
    const pool = await defaultPool(deps, tenantId);
    const due = dueBefore(deps.dialect, pool.rules, now);
    if (!due) continue;
    const actor = systemActor(tenantId);
    for (;;) {
      const batch = await deps.db.selectFrom('customers').select(['id', 'owner_id', 'name'])
        .where('tenant_id', '=', tenantId).where(due).orderBy('id').limit(BATCH).execute();
      if (batch.length === 0) break;
      await moveToPool(deps, actor, batch.map((c) => ({ id: c.id, ownerId: c.owner_id, name: c.name })), pool.id, { auto: true });
      returned += batch.length;
      if (batch.length < BATCH) break;
      await yieldToLoop(); // let HTTP requests in between batches
    }
    if (pool.rules.warnDaysBefore <= 0) continue;
    const soon = dueBefore(deps.dialect, pool.rules, new Date(now.getTime() + pool.rules.warnDaysBefore * DAY))!;
    for (;;) {
      const batch = await deps.db.selectFrom('customers').select(['id', 'owner_id', 'name', 'number'])
        .where('tenant_id', '=', tenantId).where(soon).where('pool_warned_at', 'is', null).orderBy('id').limit(BATCH).execute();
      if (batch.length === 0) break;
      await deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('customers').set({ pool_warned_at: now.toISOString() }).where('tenant_id', '=', tenantId)
          .where('id', 'in', batch.map((c) => c.id)).execute();
        for (const c of batch) {
          await notify({ ...deps, db: trx }, tenantId, [c.owner_id], 'customer.pool_warning', {
            customerId: c.id, customerName: c.name, number: c.number, withinDays: pool.rules.warnDaysBefore,
          });
        }
      });
      warned += batch.length;
      if (batch.length < BATCH) break;
      await yieldToLoop(); // let HTTP requests in between batches
    }
  }
  return { returned, warned };
}
