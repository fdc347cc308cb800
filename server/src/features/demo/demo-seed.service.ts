import type { Db } from '../../db/database';
import type { DialectName } from '../../db/dialect';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { hashPassword } from '../../lib/crypto';
import { completenessWeights } from '../customers/customer-derived';
import { dictionaryLookup } from '../dictionaries/dictionaries.service';
import { createTenant } from '../tenants/tenants.service';
import { ensureDemoOrg } from './demo-org';
import { demoPlan, type DemoPlanInput } from './demo-plan';
import { postgresDemoWriter } from './demo-postgres-writer';
import { dayCounts, numbersFor, type DemoBatch } from './demo-rows';
import { inlineSource, workerSource } from './demo-source';
import { sqliteDemoWriter } from './demo-sqlite-writer';
import { countTenantCustomers, emailInUse, findTenantIdByOrg, readDemoSettings } from './demo.repository';

export type DemoDeps = { db: Db; dialect: DialectName; clock: Clock };

/** The one password of every demo user (printed by the CLI; demo accounts are for trying the product out). */
export const DEMO_PASSWORD = 'guanxi-demo-2026';
export const DEMO_COMPANY = '华星演示科技有限公司';
export const MAX_DEMO_CUSTOMERS = 5_000_000;

export type SeedProgress = { done: number; total: number; elapsedMs: number };
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
  if (before >= opts.customers) return { ...result, elapsedMs: Date.now() - started };

  const dict = await dictionaryLookup(deps.db, tenantId);
  const input: DemoPlanInput = {
    tenantId, seed, total: opts.customers, now: deps.clock.now(), ownersByRegion: org.ownersByRegion, keyAccounts: org.keyAccounts,
    tagIds: org.tagIds, weights: await completenessWeights(deps.db, tenantId),
    codes: {
      industry: new Set(dict.codes('industry')), source: new Set(dict.codes('source')), size: new Set(dict.codes('size')),
      contactRole: new Set(dict.codes('contact_role')),
    },
  };
  const parallel = opts.parallel ?? opts.customers - before >= 20_000;
  const source = parallel ? workerSource(input) : inlineSource(input);
  const writer = deps.dialect === 'sqlite' ? sqliteDemoWriter(deps.db, tenantId) : postgresDemoWriter(deps.db, tenantId);
  const size = Math.max(1, opts.batchSize ?? 5000);
  const plan = demoPlan(input);
  const numbers = async (start: number) => {
    const days = dayCounts(plan, start, Math.min(opts.customers, start + size));
    return numbersFor(days, await writer.reserve(days));
  };
  try {
    let next: Promise<DemoBatch> | null = source.generate(before, await numbers(before));
    for (let start = before; next; start += size) {
      const batch: DemoBatch = await next;
      // Batch k+1 is requested (its numbers reserved, the worker told) before batch k is written, so the worker
      // generates while this thread writes.
      next = start + size < opts.customers ? source.generate(start + size, await numbers(start + size)) : null;
      // If the write fails, the prefetched batch is never awaited; keep its rejection from surfacing unhandled.
      next?.catch(() => {});
      await writer.write(batch);
      result.customersAdded += batch.count;
      opts.onProgress?.({ done: result.customersAdded, total: opts.customers - before, elapsedMs: Date.now() - started });
    }
    await writer.finish();
  } finally {
    await source.close();
    await writer.close();
  }
  await recordAudit(deps, actor, { entity: 'tenant', entityId: tenantId, action: 'seed_demo', after: { customers: result.customersAdded, seed } });
  return { ...result, elapsedMs: Date.now() - started };
}
