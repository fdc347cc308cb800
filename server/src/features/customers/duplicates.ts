import type { TDuplicateMatch } from '@guanxi/common/customers';
import { normalizeMobile } from '@guanxi/common/phone';

import type { Actor } from '../../lib/actor';
import type { AppDeps } from '../../lib/http';
import { normalizeCompanyName } from './customer-text';
import { scopedCustomers } from './customers.repository';

export type DuplicateProbe = { name?: string | null; mobiles?: Array<string | null | undefined>; emails?: Array<string | null | undefined>; excludeId?: string };

const maskName = (name: string) => `${name.slice(0, 1)}${'*'.repeat(Math.min(6, Math.max(2, name.length - 1)))}`;

/**
 * Customers of the tenant that look like the same company or person: same normalised name, or a contact with the
 * same mobile or email. Matches outside the caller's data scope are reported too (so nobody creates a second copy
 * of a colleague's customer) but only with a masked name and the owner.
 */
export async function findDuplicates(deps: AppDeps, actor: Actor, probe: DuplicateProbe): Promise<TDuplicateMatch[]> {
  const norm = probe.name ? normalizeCompanyName(probe.name) : null;
  const mobiles = [...new Set((probe.mobiles ?? []).map((m) => (m ? normalizeMobile(m) : null)).filter((m): m is string => !!m))];
  const emails = [...new Set((probe.emails ?? []).map((e) => e?.trim().toLowerCase()).filter((e): e is string => !!e))];
  if (!norm && mobiles.length === 0 && emails.length === 0) return [];

  const { db } = deps;
  let q = db
    .selectFrom('customers')
    .leftJoin('users as owner', 'owner.id', 'customers.owner_id')
    .select(['customers.id', 'customers.number', 'customers.name', 'customers.name_norm', 'owner.name as owner_name'])
    .where('customers.tenant_id', '=', actor.tenantId)
    .where('customers.deleted_at', 'is', null)
    .where((eb) => {
      const ors = [];
      if (norm) ors.push(eb('customers.name_norm', '=', norm));
      if (mobiles.length || emails.length) {
        ors.push(
          eb('customers.id', 'in', (sub) => {
            let cq = sub.selectFrom('contacts').select('contacts.customer_id').where('contacts.tenant_id', '=', actor.tenantId);
            cq = cq.where((e2) => e2.or([
              ...(mobiles.length ? [e2('contacts.mobile', 'in', mobiles)] : []),
              ...(emails.length ? [e2('contacts.email', 'in', emails)] : []),
            ]));
            return cq;
          }),
        );
      }
      return eb.or(ors);
    })
    .limit(20);
  if (probe.excludeId) q = q.where('customers.id', '!=', probe.excludeId);
  const rows = await q.execute();
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.id);
  const [contacts, visible] = await Promise.all([
    db.selectFrom('contacts').select(['customer_id', 'mobile', 'email']).where('tenant_id', '=', actor.tenantId).where('customer_id', 'in', ids).execute(),
    scopedCustomers(db, actor).select('customers.id').where('customers.id', 'in', ids).execute(),
  ]);
  const visibleIds = new Set(visible.map((v) => v.id));
  return rows.map((r) => {
    const own = contacts.filter((c) => c.customer_id === r.id);
    const matchedOn: TDuplicateMatch['matchedOn'] = [];
    if (norm && r.name_norm === norm) matchedOn.push('name');
    if (own.some((c) => c.mobile && mobiles.includes(c.mobile))) matchedOn.push('mobile');
    if (own.some((c) => c.email && emails.includes(c.email))) matchedOn.push('email');
    const isVisible = visibleIds.has(r.id);
    return { id: r.id, number: r.number, name: isVisible ? r.name : maskName(r.name), ownerName: r.owner_name ?? null, matchedOn, visible: isVisible };
  });
}

