import type { Db } from '../db/database';
import type { DialectName } from '../db/dialect';
import type { Clock } from '../lib/clock';
import { DEMO_PASSWORD, seedDemo, type SeedProgress } from '../features/demo/demo-seed.service';
import { createTenant } from '../features/tenants/tenants.service';

/** The bench account is found by its admin's email (emails are unique across tenants), so a rerun reuses it. */
export const BENCH_ADMIN_EMAIL = 'bench-admin@guanxi.local';
export const BENCH_PASSWORD = DEMO_PASSWORD;

export type BenchTenant = { tenantId: string; customers: number; seededNow: number; seedMs: number };

async function findBenchTenant(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('tenant_id').where('email', '=', BENCH_ADMIN_EMAIL).executeTakeFirst();
  return row?.tenant_id;
}

/**
 * The bench account with at least `customers` demo customers: created and seeded when missing, topped up when it
 * has fewer (seedDemo continues an interrupted run), reused as it is otherwise.
 */
export async function ensureBenchTenant(
  deps: { db: Db; dialect: DialectName; clock: Clock },
  opts: { customers: number; onProgress?: (p: SeedProgress) => void },
): Promise<BenchTenant> {
  let tenantId = await findBenchTenant(deps.db);
  if (!tenantId) {
    const t = await createTenant(deps, {
      companyName: '关系压测科技有限公司', industry: '信息传输、软件和信息技术服务业', staffSize: '101-500', adminName: '压测管理员',
      email: BENCH_ADMIN_EMAIL, mobile: '13800000000', password: BENCH_PASSWORD,
    });
    tenantId = t.tenantId;
  }
  const r = await seedDemo(deps, { customers: opts.customers, orgId: tenantId, onProgress: opts.onProgress });
  return { tenantId, customers: r.customersBefore + r.customersAdded, seededNow: r.customersAdded, seedMs: r.elapsedMs };
}
