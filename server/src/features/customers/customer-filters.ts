import type { TCustomField } from '@guanxi/common/fields';
import { sql } from 'kysely';
import { jsonArrayHasAny, jsonArrayIsEmpty, jsonValue, type DialectName } from '../../db/dialect';
import type { FieldDef, FieldRegistry } from '../../lib/conditions';
import { hasTagIdsSql, hasTagSql, noTagsSql } from './customers.repository';

const col = (c: string) => sql.ref(`customers.${c}`);

/** Built-in customer fields a filter, a sort or a rule may use, with their SQL and type. */
const BUILT_IN: Record<string, Extract<FieldDef, { kind: 'expr' }>> = {
  name: { kind: 'expr', type: 'text', expr: col('name') },
  number: { kind: 'expr', type: 'text', expr: col('number') },
  type: { kind: 'expr', type: 'enum', expr: col('type') },
  industry: { kind: 'expr', type: 'enum', expr: col('industry') },
  source: { kind: 'expr', type: 'enum', expr: col('source') },
  size: { kind: 'expr', type: 'enum', expr: col('size') },
  status: { kind: 'expr', type: 'enum', expr: col('status') },
  ownerId: { kind: 'expr', type: 'enum', expr: col('owner_id') },
  province: { kind: 'expr', type: 'enum', expr: col('province') },
  city: { kind: 'expr', type: 'enum', expr: col('city') },
  district: { kind: 'expr', type: 'enum', expr: col('district') },
  valueTier: { kind: 'expr', type: 'enum', expr: col('value_tier') },
  riskLevel: { kind: 'expr', type: 'enum', expr: col('risk_level') },
  gender: { kind: 'expr', type: 'enum', expr: col('gender') },
  requirement: { kind: 'expr', type: 'text', expr: col('requirement') },
  completeness: { kind: 'expr', type: 'number', expr: col('completeness') },
  staffCount: { kind: 'expr', type: 'number', expr: col('staff_count') },
  purchaseFrequency: { kind: 'expr', type: 'number', expr: col('purchase_frequency') },
  avgOrderValue: { kind: 'expr', type: 'number', expr: sql`(customers.avg_order_value / 100.0)` },
  annualRevenue: { kind: 'expr', type: 'number', expr: sql`(customers.annual_revenue / 100.0)` },
  lastFollowUpAt: { kind: 'expr', type: 'date', expr: col('last_follow_up_at') },
  firstContactAt: { kind: 'expr', type: 'date', expr: col('first_contact_at') },
  wonAt: { kind: 'expr', type: 'date', expr: col('won_at') },
  birthday: { kind: 'expr', type: 'date', expr: col('birthday') },
  createdAt: { kind: 'expr', type: 'date', expr: col('created_at') },
  updatedAt: { kind: 'expr', type: 'date', expr: col('updated_at') },
};

/** Sort keys for lists (`sort=-lastFollowUpAt`): the built-in ones that are indexed or cheap, plus custom fields. */
export const CUSTOMER_SORTS = ['name', 'number', 'createdAt', 'updatedAt', 'lastFollowUpAt', 'completeness', 'status'] as const;

function customDef(dialect: DialectName, def: TCustomField): FieldDef {
  const column = 'customers.custom';
  switch (def.type) {
    case 'number':
    case 'money':
      return { kind: 'expr', type: 'number', expr: jsonValue(dialect, column, def.key, 'numeric') };
    case 'boolean':
      return { kind: 'expr', type: 'bool', expr: jsonValue(dialect, column, def.key, 'boolean') };
    case 'date':
      return { kind: 'expr', type: 'date', expr: jsonValue(dialect, column, def.key) };
    case 'select':
      return { kind: 'expr', type: 'enum', expr: jsonValue(dialect, column, def.key) };
    case 'text':
      return { kind: 'expr', type: 'text', expr: jsonValue(dialect, column, def.key) };
    case 'multiselect':
      return {
        kind: 'set', type: 'multi',
        hasAny: (values) => jsonArrayHasAny(dialect, column, def.key, values),
        isEmpty: () => jsonArrayIsEmpty(dialect, column, def.key),
      };
  }
}

/**
 * The field registry of customers for the condition compiler: built-ins, `tags`, and `custom.<key>`. With `tagIds`
 * (the tenant's tag ids by name, for the names the condition uses) tag tests compare ids; without, names.
 */
export function customerRegistry(dialect: DialectName, tenantId: string, customDefs: TCustomField[], tagIds?: ReadonlyMap<string, string>): FieldRegistry {
  return (field) => {
    if (field === 'tags') {
      const hasAny = tagIds
        ? (names: string[]) => hasTagIdsSql(names.flatMap((n) => (tagIds.has(n) ? [tagIds.get(n)!] : [])))
        : (names: string[]) => hasTagSql(tenantId, names);
      return { kind: 'set', type: 'multi', hasAny, isEmpty: noTagsSql };
    }
    if (field.startsWith('custom.')) {
      const def = customDefs.find((d) => d.key === field.slice(7) && d.active);
      return def ? customDef(dialect, def) : undefined;
    }
    return BUILT_IN[field];
  };
}
