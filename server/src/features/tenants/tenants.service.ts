import type { TSignupRequest } from '@guanxi/common/auth';
import { normalizeMobile } from '@guanxi/common/phone';
import type { Db } from '../../db/database';
import { isUniqueViolation, type DialectName } from '../../db/dialect';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { hashPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { seedDictionaries } from '../dictionaries/dictionaries.service';
import { isEmailTaken } from '../users/users.service';
import { insertTenantWithOrg } from './tenants.repository';

export type TenantDeps = { db: Db; dialect: DialectName; clock: Clock };

/**
 * Registers an enterprise account: the tenant, its five seeded roles, a head-office department named after the
 * company, and the admin user — all in one transaction, so a failed sign-up leaves nothing behind.
 */
export async function createTenant(deps: TenantDeps, input: TSignupRequest, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const email = input.email.trim().toLowerCase();
  if (await isEmailTaken(deps.db, email)) throw AppError.invalid('email', 'email_taken');
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now().toISOString();
  const tenantId = newId();
  const userId = newId();
  const departmentId = newId();

  const adminRoleId = await deps.db
    .transaction()
    .execute(async (trx) => {
      const roleId = await insertTenantWithOrg(trx, deps.dialect, {
        tenant: { id: tenantId, name: input.companyName, industry: input.industry, staffSize: input.staffSize },
        department: { id: departmentId, name: input.companyName },
        admin: { id: userId, name: input.adminName, email, mobile: normalizeMobile(input.mobile), passwordHash, locale },
        now,
      });
      await seedDictionaries(trx, deps.dialect, tenantId, now);
      const actor: Actor = {
        tenantId, userId, name: input.adminName, departmentId, departmentPath: `/${departmentId}/`, roleId,
        roleCode: 'admin', dataScope: 'all', permissions: {}, viewSensitive: true, locale, ip: null, via: 'session',
      };
      await recordAudit({ ...deps, db: trx }, actor, {
        entity: 'tenant', entityId: tenantId, action: 'create',
        after: { name: input.companyName, industry: input.industry, staffSize: input.staffSize },
      });
      return roleId;
    })
    .catch((err: unknown) => {
      // Two sign-ups with one email at the same moment: the unique index decides, the loser gets the field error.
      if (isUniqueViolation(err)) throw AppError.invalid('email', 'email_taken');
      throw err;
    });
  return { tenantId, userId, departmentId, adminRoleId };
}
