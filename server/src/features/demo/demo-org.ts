import { dbBool } from '../../db/dialect';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { newId } from '../../lib/ids';
import type { DemoOwner } from './demo-plan';
import { uniqueMobile } from './demo-random';
import { DEMO_DEPARTMENTS, GROUP_REGIONS, demoStaff } from './demo-staff';
import { DEMO_TAGS } from './demo-tags';
import {
  demoStaffRows, emailInUse, ensureGroupedTags, insertDepartments, insertUsers, readDemoSettings, roleIdsByCode, rootDepartment,
  setDepartmentHead, writeDemoSettings, type DemoSettings,
} from './demo.repository';
import type { DemoDeps } from './demo-seed.service';

export type DemoOrg = {
  settings: DemoSettings;
  ownersByRegion: Record<string, DemoOwner[]>;
  keyAccounts: DemoOwner[];
  tagIds: Map<string, string>;
  /** One login per role, to print. */
  logins: Array<{ role: string; name: string; email: string }>;
};

/** The first free demo mail domain: demo.guanxi.local, demo2.guanxi.local, … (emails are unique across tenants). */
async function freeMailDomain(deps: DemoDeps): Promise<string> {
  for (let k = 1; ; k++) {
    const domain = `demo${k === 1 ? '' : k}.guanxi.local`;
    if (!(await emailInUse(deps.db, { domain }))) return domain;
  }
}

/**
 * Creates the demo departments, 50 users (all with the one demo password, hashed once by the caller) and the
 * demo tags in one transaction, and records in tenant_settings that it did; on a rerun it reuses them.
 * `isNewTenant`: the general manager also becomes head of the head office.
 */
export async function ensureDemoOrg(deps: DemoDeps, actor: Actor, opts: { seed: number; passwordHash: () => Promise<string>; isNewTenant: boolean }): Promise<DemoOrg> {
  const tenantId = actor.tenantId;
  let settings = await readDemoSettings(deps.db, tenantId);
  const now = deps.clock.now().toISOString();
  if (!settings) {
    const fresh: DemoSettings = { mailDomain: await freeMailDomain(deps), seed: opts.seed };
    const root = await rootDepartment(deps.db, tenantId);
    const roles = await roleIdsByCode(deps.db, tenantId);
    if (!root) throw new Error('the account has no head-office department');
    const staff = demoStaff(fresh.seed);
    const missing = [...new Set(staff.map((s) => s.role))].filter((r) => !roles.has(r));
    if (missing.length) throw new Error(`the account has no role with code ${missing.join(', ')}`);
    const hash = await opts.passwordHash();
    const deptIds = new Map<string, { id: string; path: string }>([['root', { id: root.id, path: root.path }]]);
    const userIds = new Map(staff.map((s) => [s.key, newId()]));
    const depts = DEMO_DEPARTMENTS.map((d) => {
      const id = newId();
      const parent = deptIds.get(d.parent)!;
      deptIds.set(d.key, { id, path: `${parent.path}${id}/` });
      const head = staff.find((s) => s.department === d.key && s.isHead);
      return { id, tenant_id: tenantId, name: d.name, parent_id: parent.id, head_id: head ? userIds.get(head.key)! : null, path: `${parent.path}${id}/`, sort: d.sort, created_at: now, updated_at: now };
    });
    await deps.db.transaction().execute(async (trx) => {
      await insertDepartments(trx, depts);
      await insertUsers(trx, staff.map((s) => ({
        id: userIds.get(s.key)!, tenant_id: tenantId, name: s.name, email: `${s.mailbox}@${fresh.mailDomain}`,
        mobile: uniqueMobile(s.mobileIndex, fresh.seed ^ 0x5a5a), password_hash: hash, department_id: deptIds.get(s.department)!.id,
        role_id: roles.get(s.role)!, superior_id: s.superior ? userIds.get(s.superior)! : null, active: dbBool(deps.dialect, true),
        created_at: now, updated_at: now, password_changed_at: now,
      })));
      if (opts.isNewTenant) await setDepartmentHead(trx, tenantId, root.id, userIds.get('ceo')!, now);
      await writeDemoSettings(trx, deps.dialect, tenantId, fresh, now);
      await recordAudit({ ...deps, db: trx }, actor, {
        entity: 'tenant', entityId: tenantId, action: 'seed_demo_staff', after: { departments: depts.length, users: staff.length, mailDomain: fresh.mailDomain },
      });
    });
    settings = fresh;
  }
  const tagIds = await ensureGroupedTags(deps.db, tenantId, DEMO_TAGS, now);
  return { settings, tagIds, ...(await staffRoles(deps, tenantId, settings.mailDomain)) };
}

/** Owners by region, key-account managers and sample logins, read back from the tenant (users may have changed since). */
async function staffRoles(deps: DemoDeps, tenantId: string, mailDomain: string) {
  const rows = (await demoStaffRows(deps.db, tenantId, mailDomain)).filter((r) => r.active === true || r.active === 1);
  const ownersByRegion: Record<string, DemoOwner[]> = {};
  for (const [group, regions] of Object.entries(GROUP_REGIONS)) {
    const owners = rows.filter((r) => r.department === group && (r.code === 'sales' || r.code === 'manager')).map((r) => ({ id: r.id, name: r.name }));
    for (const region of regions) ownersByRegion[region] = owners;
  }
  const keyAccounts = rows.filter((r) => r.department === '销售部' && r.code === 'sales').map((r) => ({ id: r.id, name: r.name }));
  const logins = ['manager', 'sales', 'service', 'marketing'].flatMap((role) => {
    const r = rows.find((x) => x.code === role);
    return r ? [{ role, name: r.name, email: r.email }] : [];
  });
  return { ownersByRegion, keyAccounts, logins };
}
