import { finishBulkLoad } from '../../db/bulk-load';
import type { Db } from '../../db/database';
import type { DialectName } from '../../db/dialect';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { hashPassword } from '../../lib/crypto';
import { completenessWeights } from '../customers/customer-derived';
import { dictionaryLookup } from '../dictionaries/dictionaries.service';
import { followupSopOf } from '../followups/followup-sop.service';
import { defaultPool } from '../pools/pools.service';
import { createTenant } from '../tenants/tenants.service';
import { ensureDemoOrg } from './demo-org';
import { loadDemoCustomers, type LoadProgress } from './demo-load';
import type { DemoPlanInput } from './demo-plan';
import { countAllCustomers, countTenantCustomers, emailInUse, findTenantIdByOrg, readDemoSettings } from './demo.repository';

export type DemoDeps = { db: Db; dialect: DialectName; clock: Clock };

/** The one password of every demo user (printed by the CLI; demo accounts are for trying the product out). */
export const DEMO_PASSWORD = 'guanxi-demo-2026';
export const DEMO_COMPANY = '华星演示科技有限公司';
export const MAX_DEMO_CUSTOMERS = 5_000_000;

export type SeedProgress = LoadProgress;
export type SeedDemoOptions = {
  /** The account ends up with at least this many customers: a rerun on the same account continues an interrupted one. */
  customers: number;
  /** Fill this account (its id or a member's email) instead of creating a new one. */
  orgId?: string;
  /** Same seed, same data (default: the seed of the account's earlier demo run, else 1). */
  seed?: number;
  batchSize?: number;
  /** Generate on a worker thread while this one writes (default: for 20,000 customers or more). */
  parallel?: boolean;
  /** Drop random-order indexes during the load and rebuild them after (default: for big loads; see db/bulk-load). */
  bulkLoad?: boolean;
  /** Aborting stops the run after the batch being written; what was written stays (a rerun continues). */
  signal?: AbortSignal;
  /** Slow steps after the load (rebuilding indexes). */
  onStep?: (message: string) => void;
  /** Called once the account and its staff exist, before the customers (so an interrupted run can be continued). */
  onAccount?: (a: Pick<SeedDemoResult, 'tenantId' | 'admin' | 'password' | 'logins' | 'customersBefore'>) => void;
  onProgress?: (p: SeedProgress) => void;
};
export type SeedDemoResult = {
  tenantId: string;
  /** The new account's admin (null when an existing account was filled). */
  admin: { email: string; password: string } | null;
  password: string;
  logins: Array<{ role: string; name: string; email: string }>;
  customersBefore: number;
  customersAdded: number;
  /** Stopped by the signal before reaching `customers`. */
  interrupted: boolean;
  elapsedMs: number;
};

async function newDemoTenant(deps: DemoDeps) {
  let email = 'demo-admin@guanxi.local';
  for (let k = 2; await emailInUse(deps.db, { email }); k++) email = `demo-admin${k}@guanxi.local`;
  const t = await createTenant(deps, {
    companyName: DEMO_COMPANY, industry: '信息传输、软件和信息技术服务业', staffSize: '101-500', adminName: '演示管理员', email,
    mobile: '13800000000', password: DEMO_PASSWORD,
  });
  return { tenantId: t.tenantId, email };
}

const systemActor = (tenantId: string): Actor => ({
  tenantId, userId: 'system', name: 'CLI', departmentId: null, departmentPath: null, roleId: 'system', roleCode: null,
  dataScope: 'all', permissions: {}, viewSensitive: true, locale: 'zh-CN', ip: null, via: 'system',
});

/**
 * Fills an enterprise account (a new one unless `orgId`) with realistic Chinese demo data: 8 departments, 50 users,
 * ~30 tags and `customers` customers with 1–2 contacts each. Batches of `batchSize` customers are written in
 * one transaction each, so an interrupted run leaves whole customers only and a rerun continues after them.
 * Numbers are reserved from the tenant's daily sequences just ahead of each batch (an interruption can leave a
 * gap, never a duplicate), so createCustomer afterwards continues after them.
 */
export async function seedDemo(deps: DemoDeps, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = Date.now();
  if (!Number.isInteger(opts.customers) || opts.customers < 0 || opts.customers > MAX_DEMO_CUSTOMERS) {
    throw new Error(`--customers must be a whole number from 0 to ${MAX_DEMO_CUSTOMERS}`);
  }
  let tenantId: string;
  let admin: SeedDemoResult['admin'] = null;
  if (opts.orgId) {
    const found = await findTenantIdByOrg(deps.db, opts.orgId);
    if (!found) throw new Error(`no enterprise account found for "${opts.orgId}" (give its id or a member's email)`);
    tenantId = found;
  } else {
    const t = await newDemoTenant(deps);
    tenantId = t.tenantId;
    admin = { email: t.email, password: DEMO_PASSWORD };
  }
  const actor = systemActor(tenantId);
  const seed = opts.seed ?? (await readDemoSettings(deps.db, tenantId))?.seed ?? 1;
  const org = await ensureDemoOrg(deps, actor, { seed, passwordHash: () => hashPassword(DEMO_PASSWORD), isNewTenant: !opts.orgId });

  const before = await countTenantCustomers(deps.db, tenantId);
  const result = { tenantId, admin, password: DEMO_PASSWORD, logins: org.logins, customersBefore: before, customersAdded: 0 };
  opts.onAccount?.(result);
  if (before >= opts.customers) {
    // Nothing to add; still complete a bulk load that was killed while it rebuilt its indexes.
    await finishBulkLoad(deps.db, deps.dialect, opts.onStep);
    return { ...result, interrupted: false, elapsedMs: Date.now() - started };
  }

  const dict = await dictionaryLookup(deps.db, tenantId);
  const input: DemoPlanInput = {
    tenantId, seed, total: opts.customers, now: deps.clock.now(), ownersByRegion: org.ownersByRegion, keyAccounts: org.keyAccounts,
    tagIds: org.tagIds, weights: await completenessWeights(deps.db, tenantId),
    // What the scheduled jobs would have done by now is made with the data (pool returns and warnings, SOP tasks).
    pool: await defaultPool(deps, tenantId), sop: await followupSopOf(deps.db, tenantId),
    codes: {
      industry: new Set(dict.codes('industry')), source: new Set(dict.codes('source')), size: new Set(dict.codes('size')),
      contactRole: new Set(dict.codes('contact_role')),
    },
  };
  const toAdd = opts.customers - before;
  // Bulk-load mode pays off when the load is big and at least doubles the table (rebuilding indexes reads it all).
  const bulk = opts.bulkLoad ?? (toAdd >= 50_000 && toAdd >= (await countAllCustomers(deps.db)));
  const r = await loadDemoCustomers(deps, {
    input, from: before, batchSize: Math.max(1, opts.batchSize ?? 5000), parallel: opts.parallel ?? toAdd >= 20_000, bulk,
    signal: opts.signal, onProgress: opts.onProgress, onStep: opts.onStep,
  });
  result.customersAdded = r.added;
  await recordAudit(deps, actor, { entity: 'tenant', entityId: tenantId, action: 'seed_demo', after: { customers: result.customersAdded, seed } });
  return { ...result, interrupted: r.interrupted, elapsedMs: Date.now() - started };
}
