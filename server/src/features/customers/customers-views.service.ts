import type { TViewConfig } from '@guanxi/common/views';
import { CUSTOMER_VIEW_COLUMNS } from '@guanxi/common/views';
import type { Actor } from '../../lib/actor';
import { compileCondition } from '../../lib/conditions';
import { AppError, type RuleDetail } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { customFieldDefs } from '../fields/fields.service';
import { CUSTOMER_SORTS, customerRegistry } from './customer-filters';

/**
 * Checks a saved customers view against what the customers list accepts today: filter fields and operators
 * (compiled with the same registry as GET /customers, without running it), sort keys, and columns (built-in ones
 * plus `custom.<key>` of active custom fields). Throws 400 naming `config.filter`, `config.sort` or
 * `config.columns.<i>`.
 */
export async function assertCustomerViewConfig(deps: AppDeps, actor: Actor, config: TViewConfig): Promise<void> {
  const defs = await customFieldDefs(deps.db, actor.tenantId, 'customer');
  const registry = customerRegistry(deps.dialect, actor.tenantId, defs);
  const customColumns = new Set(defs.filter((d) => d.active).map((d) => `custom.${d.key}`));
  const errors: RuleDetail[] = [];
  config.columns.forEach((column, i) => {
    if (!(CUSTOMER_VIEW_COLUMNS as readonly string[]).includes(column) && !customColumns.has(column)) {
      errors.push({ field: `config.columns.${i}`, rule: 'unknown_column', params: { name: column } });
    }
  });
  if (config.filter) {
    try {
      compileCondition(config.filter, registry, deps.dialect);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push(...err.details.map((d) => ({ ...d, field: `config.${d.field}` }) as RuleDetail));
    }
  }
  if (config.sort) {
    const key = config.sort.replace(/^-/, '');
    const known = (CUSTOMER_SORTS as readonly string[]).includes(key) || customColumns.has(key);
    if (!known || registry(key)?.kind !== 'expr') {
      errors.push({ field: 'config.sort', rule: 'one_of', params: { options: [...CUSTOMER_SORTS, 'custom.<key>'].join(', ') } });
    }
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
}
