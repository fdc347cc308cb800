import type { TSignupRequest } from '@guanxi/common/auth';
import { normalizeMobile } from '@guanxi/common/phone';
import { SEED_ROLES } from '@guanxi/common/permissions';
import type { Db } from '../../db/database';
import { dbBool, dbJson, isUniqueViolation, type DialectName } from '../../db/dialect';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { hashPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { insertDepartment } from '../departments/departments.repository';
import { insertRole } from '../roles/roles.repository';
import { emailTaken, insertUser } from '../users/users.repository';

export type TenantDeps = { db: Db; dialect: DialectName; clock: Clock };

/**
 * Registers an enterprise account: the tenant, its five seeded roles, a head-office department named after the
 * company, and the admin user — all in one transaction, so a failed sign-up leaves nothing behind.
 */
export async function createTenant(deps: TenantDeps, input: TSignupRequest, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const email = input.email.trim().toLowerCase();
  if (await emailTaken(deps.db, email)) throw AppError.invalid('email', 'email_taken');
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now().toISOString();
  const tenantId = newId();
  const userId = newId();
  const departmentId = newId();
  let adminRoleId = '';

  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('tenants').values({
      id: tenantId, name: input.companyName, industry: input.industry, staff_size: input.staffSize,
      created_at: now, updated_at: now,
    }).execute();
    for (const r of SEED_ROLES) {
      const id = newId();
      if (r.code === 'admin') adminRoleId = id;
      await insertRole(trx, {
        id, tenant_id: tenantId, code: r.code, name: r.name[locale], description: r.description[locale],
        data_scope: r.dataScope, permissions: dbJson(deps.dialect, r.permissions),
        view_sensitive: dbBool(deps.dialect, r.viewSensitive), is_system: dbBool(deps.dialect, true),
        created_at: now, updated_at: now,
      });
    }
    await insertDepartment(trx, {
      id: departmentId, tenant_id: tenantId, name: input.companyName, parent_id: null, head_id: userId,
      path: `/${departmentId}/`, created_at: now, updated_at: now,
    });
    await insertUser(trx, {
      id: userId, tenant_id: tenantId, name: input.adminName, email, mobile: normalizeMobile(input.mobile),
      password_hash: passwordHash, department_id: departmentId, role_id: adminRoleId, superior_id: null,
      active: dbBool(deps.dialect, true), locale, created_at: now, updated_at: now, password_changed_at: now,
    });
    const actor: Actor = {
      tenantId, userId, name: input.adminName, departmentId, departmentPath: `/${departmentId}/`, roleId: adminRoleId,
      roleCode: 'admin', dataScope: 'all', permissions: {}, viewSensitive: true, locale, ip: null, via: 'session',
    };
    await recordAudit({ ...deps, db: trx }, actor, {
      entity: 'tenant', entityId: tenantId, action: 'create',
      after: { name: input.companyName, industry: input.industry, staffSize: input.staffSize },
    });
  }).catch((err: unknown) => {
    // Two sign-ups with one email at the same moment: the unique index decides, the loser gets the field error.
    if (isUniqueViolation(err)) throw AppError.invalid('email', 'email_taken');
    throw err;
  });
  return { tenantId, userId, departmentId, adminRoleId };
}
