import type { TDuplicateMatch } from '@guanxi/common/customers';
import { normalizeMobile } from '@guanxi/common/phone';
import { sql, type SelectQueryBuilder } from 'kysely';

import { readBool } from '../../db/dialect';
import { scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import type { AppDeps } from '../../lib/http';
import { normalizeCompanyName } from './customer-text';
import { CUSTOMER_SCOPE } from './customers.repository';

export type DuplicateProbe = { name?: string | null; mobiles?: Array<string | null | undefined>; emails?: Array<string | null | undefined>; excludeId?: string };

type IdQuery = SelectQueryBuilder<any, any, { id: string }>;

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
  // Candidates as a UNION ALL of three index lookups (name_norm, mobile, email), looked up by id from there: CROSS
  // JOIN fixes that order on SQLite. Written as one OR (or as `id in (…)`), SQLite's planner walked the tenant's
  // customers or contacts instead: 10 s per new customer at 1,000,000 customers (docs/performance.md).
  const byName: IdQuery[] = norm ? [db.selectFrom('customers as n').select('n.id as id').where('n.tenant_id', '=', actor.tenantId).where('n.name_norm', '=', norm)] : [];
  const byContact = (column: 'mobile' | 'email', values: string[]): IdQuery[] => (values.length
    ? [db.selectFrom('contacts').select('contacts.customer_id as id').where('contacts.tenant_id', '=', actor.tenantId).where(`contacts.${column}`, 'in', values)]
    : []);
  const [first, ...more] = [...byName, ...byContact('mobile', mobiles), ...byContact('email', emails)];
  const candidates = more.reduce((acc, sub) => acc.unionAll(sub), first!);
  let q = db
    .selectFrom(candidates.as('c'))
    .crossJoin('customers')
    .leftJoin('users as owner', 'owner.id', 'customers.owner_id')
    .select(['customers.id', 'customers.number', 'customers.name', 'customers.name_norm', 'owner.name as owner_name'])
    // Whether the caller may see it, from the row itself (a second `id in (…)` query fell into the same trap).
    .select(sql<boolean | number>`(${scopeFilter(actor, CUSTOMER_SCOPE)})`.as('in_scope'))
    .distinct()
    .whereRef('customers.id', '=', 'c.id')
    .where('customers.tenant_id', '=', actor.tenantId)
    .where('customers.deleted_at', 'is', null)
    .limit(20);
  if (probe.excludeId) q = q.where('customers.id', '!=', probe.excludeId);
  const rows = await q.execute();
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.id);
  const contacts = await db.selectFrom('contacts').select(['customer_id', 'mobile', 'email']).where('tenant_id', '=', actor.tenantId)
    .where('customer_id', 'in', ids).execute();
  return rows.map((r) => {
    const own = contacts.filter((c) => c.customer_id === r.id);
    const matchedOn: TDuplicateMatch['matchedOn'] = [];
    if (norm && r.name_norm === norm) matchedOn.push('name');
    if (own.some((c) => c.mobile && mobiles.includes(c.mobile))) matchedOn.push('mobile');
    if (own.some((c) => c.email && emails.includes(c.email))) matchedOn.push('email');
    const isVisible = readBool(r.in_scope);
    return { id: r.id, number: r.number, name: isVisible ? r.name : maskName(r.name), ownerName: r.owner_name ?? null, matchedOn, visible: isVisible };
  });
}

