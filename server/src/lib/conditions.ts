import { leavesOf, type Condition, type Leaf, type Scalar } from '@guanxi/common/conditions';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { escapeLike, likeOperator, type DialectName } from '../db/dialect';
import { AppError } from './errors';

export type FieldType = 'text' | 'number' | 'date' | 'bool' | 'enum' | 'multi';

/**
 * How one filterable field becomes SQL.
 * - `expr`: a scalar expression (a column, a JSON key) compared with the usual operators.
 * - `set`: a many-valued field (tags, multi-select): hasAny / hasAll / hasNone / isEmpty build their own SQL.
 */
export type FieldDef =
  | { kind: 'expr'; type: Exclude<FieldType, 'multi'>; expr: RawBuilder<unknown> }
  | {
      kind: 'set';
      type: 'multi';
      hasAny(values: string[]): RawBuilder<SqlBool> | Expression<SqlBool>;
      isEmpty(): RawBuilder<SqlBool> | Expression<SqlBool>;
    };

/** Resolves a field name (`status`, `tags`, `custom.budget`) to its SQL, or undefined when not filterable. */
export type FieldRegistry = (field: string) => FieldDef | undefined;

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

function bad(rule: string, params?: Record<string, string | number>): never {
  throw AppError.invalid('filter', rule, params);
}

function coerce(def: Extract<FieldDef, { kind: 'expr' }>, v: Scalar | undefined, dialect: DialectName): unknown {
  if (v === undefined) bad('required');
  if (v === null) return null;
  if (def.type === 'number') {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) bad('type');
    return n;
  }
  if (def.type === 'bool') {
    const b = v === true || v === 'true' || v === 1;
    return dialect === 'postgres' ? b : b ? 1 : 0;
  }
  if (def.type === 'date') {
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) bad('format');
    return String(v).length <= 10 ? String(v) : d.toISOString();
  }
  return String(v);
}

function list(value: Leaf['value']): Scalar[] {
  if (!Array.isArray(value)) bad('type');
  if (value.length === 0) bad('min_items', { min: 1 });
  return value;
}

function leafSql(leaf: Leaf, def: FieldDef, dialect: DialectName): RawBuilder<SqlBool> | Expression<SqlBool> {
  if (def.kind === 'set') {
    switch (leaf.op) {
      case 'hasAny':
      case 'in':
      case 'eq':
        return def.hasAny((Array.isArray(leaf.value) ? list(leaf.value) : [leaf.value as Scalar]).map(String));
      case 'hasAll': {
        // One "has" test per value rather than counting matches: a row missing the first value costs one probe,
        // and each test is an indexed lookup on both databases (tags: customer_tags' primary key).
        const values = [...new Set(list(leaf.value).map(String))];
        return sql<SqlBool>`(${sql.join(values.map((v) => def.hasAny([v])), sql` and `)})`;
      }
      case 'hasNone':
      case 'notIn':
      case 'ne':
        return sql<SqlBool>`not (${def.hasAny((Array.isArray(leaf.value) ? list(leaf.value) : [leaf.value as Scalar]).map(String))})`;
      case 'isEmpty':
        return def.isEmpty();
      case 'isNotEmpty':
        return sql<SqlBool>`not (${def.isEmpty()})`;
      default:
        return bad('one_of', { options: 'hasAny, hasAll, hasNone, isEmpty, isNotEmpty' });
    }
  }
  const e = def.expr;
  const v = (x: Scalar | undefined) => coerce(def, x, dialect);
  switch (leaf.op) {
    case 'eq':
      return leaf.value === null ? sql<SqlBool>`${e} is null` : sql<SqlBool>`${e} = ${v(leaf.value as Scalar)}`;
    case 'ne':
      return leaf.value === null ? sql<SqlBool>`${e} is not null` : sql<SqlBool>`(${e} is null or ${e} <> ${v(leaf.value as Scalar)})`;
    case 'in':
      return sql<SqlBool>`${e} in (${sql.join(list(leaf.value).map(v))})`;
    case 'notIn':
      return sql<SqlBool>`(${e} is null or ${e} not in (${sql.join(list(leaf.value).map(v))}))`;
    case 'gt':
      return sql<SqlBool>`${e} > ${v(leaf.value as Scalar)}`;
    case 'gte':
      return sql<SqlBool>`${e} >= ${v(leaf.value as Scalar)}`;
    case 'lt':
      return sql<SqlBool>`${e} < ${v(leaf.value as Scalar)}`;
    case 'lte':
      return sql<SqlBool>`${e} <= ${v(leaf.value as Scalar)}`;
    case 'between': {
      const [lo, hi] = list(leaf.value);
      if (lo === undefined || hi === undefined) bad('min_items', { min: 2 });
      return sql<SqlBool>`${e} between ${v(lo)} and ${v(hi)}`;
    }
    case 'contains':
    case 'startsWith': {
      if (def.type !== 'text' && def.type !== 'enum') bad('type');
      const text = escapeLike(String(leaf.value ?? ''));
      const pattern = leaf.op === 'contains' ? `%${text}%` : `${text}%`;
      return sql<SqlBool>`${e} ${sql.raw(likeOperator(dialect))} ${pattern} escape '\\'`;
    }
    case 'isEmpty':
      return def.type === 'text' ? sql<SqlBool>`(${e} is null or ${e} = '')` : sql<SqlBool>`${e} is null`;
    case 'isNotEmpty':
      return def.type === 'text' ? sql<SqlBool>`(${e} is not null and ${e} <> '')` : sql<SqlBool>`${e} is not null`;
    default:
      return bad('one_of', { options: 'eq, ne, in, notIn, gt, gte, lt, lte, between, contains, startsWith, isEmpty, isNotEmpty' });
  }
}

/**
 * Compiles a condition tree to a SQL boolean for both databases. Unknown fields and operators that do not fit a
 * field's type are 400 errors on the `filter` field, so a bad saved view or rule never runs half a query.
 */
export function compileCondition(c: Condition, registry: FieldRegistry, dialect: DialectName): RawBuilder<SqlBool> | Expression<SqlBool> {
  for (const leaf of leavesOf(c)) {
    if (!registry(leaf.field)) bad('unknown_filter_field', { name: leaf.field });
  }
  const walk = (n: Condition): RawBuilder<SqlBool> | Expression<SqlBool> => {
    if ('and' in n) return n.and.length ? sql<SqlBool>`(${sql.join(n.and.map(walk), sql` and `)})` : TRUE;
    if ('or' in n) return n.or.length ? sql<SqlBool>`(${sql.join(n.or.map(walk), sql` or `)})` : FALSE;
    if ('not' in n) return sql<SqlBool>`not (${walk(n.not)})`;
    return leafSql(n, registry(n.field)!, dialect);
  };
  return walk(c);
}
