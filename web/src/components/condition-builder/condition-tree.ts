import type { Condition, ConditionOp, Leaf, Scalar } from '@guanxi/common/conditions';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';

/**
 * The editor's model of the one condition language (PRODUCT.md): groups joined by AND / OR, each group or rule
 * optionally negated. It converts to and from the API's condition tree.
 */
export type FieldKind = 'text' | 'number' | 'date' | 'datetime' | 'enum' | 'multi' | 'bool';
export type ValueOption = { value: string; label: string };

export type ConditionField = {
  key: string;
  label: string;
  kind: FieldKind;
  options?: ValueOption[];
  /** A multi-valued field whose values may be typed freely (tags). */
  allowCreate?: boolean;
  /** A custom value input (e.g. a user picker): gets the value and whether several values are expected. */
  renderInput?: (props: { value: unknown; onChange: (value: unknown) => void; multiple: boolean }) => ReactNode;
};

export type RuleNode = { id: string; type: 'rule'; field: string; op: ConditionOp; value?: Scalar | Scalar[]; negate: boolean };
export type GroupNode = { id: string; type: 'group'; join: 'and' | 'or'; negate: boolean; children: Array<RuleNode | GroupNode> };
export type ConditionNode = RuleNode | GroupNode;

export const OPS_BY_KIND: Record<FieldKind, ConditionOp[]> = {
  text: ['contains', 'eq', 'ne', 'startsWith', 'isEmpty', 'isNotEmpty'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'isEmpty', 'isNotEmpty'],
  date: ['gte', 'lte', 'between', 'isEmpty', 'isNotEmpty'],
  datetime: ['gte', 'lte', 'between', 'isEmpty', 'isNotEmpty'],
  enum: ['in', 'notIn', 'isEmpty', 'isNotEmpty'],
  multi: ['hasAny', 'hasAll', 'hasNone', 'isEmpty', 'isNotEmpty'],
  bool: ['eq'],
};

export const NO_VALUE_OPS: ReadonlySet<ConditionOp> = new Set(['isEmpty', 'isNotEmpty']);
export const LIST_OPS: ReadonlySet<ConditionOp> = new Set(['in', 'notIn', 'hasAny', 'hasAll', 'hasNone']);

let seq = 0;
export const nodeId = () => `n${++seq}`;

export const emptyGroup = (join: 'and' | 'or' = 'and'): GroupNode => ({ id: nodeId(), type: 'group', join, negate: false, children: [] });

export function newRule(field: ConditionField): RuleNode {
  const op = OPS_BY_KIND[field.kind][0]!;
  return { id: nodeId(), type: 'rule', field: field.key, op, value: field.kind === 'bool' ? true : undefined, negate: false };
}

const isFilled = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** Dates of time-stamped fields (created at, last follow-up) become the start or end of that day in local time. */
function dateBound(day: Scalar, end: boolean, kind: FieldKind): Scalar {
  if (kind !== 'datetime' || typeof day !== 'string') return day;
  const d = dayjs(day);
  return (end ? d.endOf('day') : d.startOf('day')).toISOString();
}

function ruleToLeaf(rule: RuleNode, field: ConditionField | undefined): Leaf | null {
  const { op, value } = rule;
  if (NO_VALUE_OPS.has(op)) return { field: rule.field, op };
  if (!isFilled(value)) return null;
  const kind = field?.kind ?? 'text';
  if (op === 'between') {
    if (!Array.isArray(value) || !isFilled(value[0]) || !isFilled(value[1])) return null;
    return { field: rule.field, op, value: [dateBound(value[0]!, false, kind), dateBound(value[1]!, true, kind)] };
  }
  if (op === 'gte' || op === 'lt') return { field: rule.field, op, value: dateBound(value as Scalar, false, kind) };
  if (op === 'lte' || op === 'gt') return { field: rule.field, op, value: dateBound(value as Scalar, true, kind) };
  return { field: rule.field, op, value };
}

/** The API condition for a group, leaving out unfinished rules; null when nothing is left. */
export function toCondition(group: GroupNode, fields: readonly ConditionField[]): Condition | null {
  const parts = group.children
    .map((child): Condition | null => {
      if (child.type === 'group') return toCondition(child, fields);
      const leaf = ruleToLeaf(child, fields.find((f) => f.key === child.field));
      return leaf && child.negate ? { not: leaf } : leaf;
    })
    .filter((c): c is Condition => c !== null);
  if (!parts.length) return null;
  const joined: Condition = parts.length === 1 && !group.negate ? parts[0]! : group.join === 'and' ? { and: parts } : { or: parts };
  return group.negate ? { not: joined } : joined;
}

function toDay(value: Scalar, kind: FieldKind): Scalar {
  if (kind !== 'datetime' || typeof value !== 'string' || value.length <= 10) return value;
  return dayjs(value).format('YYYY-MM-DD');
}

function leafToRule(leaf: Leaf, negate: boolean, fields: readonly ConditionField[]): RuleNode {
  const kind = fields.find((f) => f.key === leaf.field)?.kind ?? 'text';
  const value = Array.isArray(leaf.value) ? leaf.value.map((v) => toDay(v, kind)) : leaf.value === undefined ? undefined : toDay(leaf.value, kind);
  return { id: nodeId(), type: 'rule', field: leaf.field, op: leaf.op, value, negate };
}

function toNode(c: Condition, fields: readonly ConditionField[], negate = false): ConditionNode {
  if ('not' in c) return toNode(c.not, fields, !negate);
  if ('and' in c || 'or' in c) {
    const join = 'and' in c ? 'and' : 'or';
    const children = 'and' in c ? c.and : c.or;
    return { id: nodeId(), type: 'group', join, negate, children: children.map((child) => toNode(child, fields)) };
  }
  return leafToRule(c, negate, fields);
}

/** The editor model of an API condition; the root is always a group. */
export function fromCondition(c: Condition | null | undefined, fields: readonly ConditionField[]): GroupNode {
  if (!c) return emptyGroup();
  const node = toNode(c, fields);
  return node.type === 'group' ? node : { ...emptyGroup(), children: [node] };
}

/** How many rules a condition has (for "高级筛选 · 3"). */
export function countRules(c: Condition | null | undefined): number {
  if (!c) return 0;
  if ('and' in c) return c.and.reduce((n, x) => n + countRules(x), 0);
  if ('or' in c) return c.or.reduce((n, x) => n + countRules(x), 0);
  if ('not' in c) return countRules(c.not);
  return 1;
}

/** Replaces the node with `id` anywhere in the tree (null removes it). */
export function updateNode(group: GroupNode, id: string, next: ConditionNode | null): GroupNode {
  const children = group.children.flatMap((child): ConditionNode[] => {
    if (child.id === id) return next ? [next] : [];
    return [child.type === 'group' ? updateNode(child, id, next) : child];
  });
  return { ...group, children };
}
