import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ConditionOp } from '@guanxi/common/conditions';
import { Button, Checkbox, Flex, Radio, Select, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConditionValueInput } from './condition-value-input';
import {
  emptyGroup, LIST_OPS, newRule, OPS_BY_KIND, updateNode, type ConditionField, type FieldKind, type GroupNode, type RuleNode,
} from './condition-tree';

type BuilderProps = { value: GroupNode; onChange: (next: GroupNode) => void; fields: readonly ConditionField[] };

const MAX_DEPTH = 3;

/** Operator names depend on the type: dates read 不早于 / 不晚于, tags read 包含任一 / 包含全部 / 不包含. */
function useOpLabel() {
  const { t } = useTranslation();
  return (op: ConditionOp, kind: FieldKind) => {
    if ((kind === 'date' || kind === 'datetime') && (op === 'gte' || op === 'lte' || op === 'between')) return t(`conditions.dateOps.${op}`);
    return t(`conditions.ops.${op}`);
  };
}

function RuleRow({ rule, fields, onChange, onRemove }: { rule: RuleNode; fields: readonly ConditionField[]; onChange: (r: RuleNode) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const opLabel = useOpLabel();
  const field = fields.find((f) => f.key === rule.field);
  const ops = field ? OPS_BY_KIND[field.kind] : [rule.op];
  return (
    <Flex gap={8} align="center" wrap className="gx-condition-rule" data-testid="condition-rule">
      <Select
        aria-label={t('conditions.field')}
        showSearch
        optionFilterProp="label"
        value={rule.field}
        onChange={(key: string) => {
          const next = fields.find((f) => f.key === key);
          if (next) onChange({ ...newRule(next), id: rule.id });
        }}
        options={fields.map((f) => ({ value: f.key, label: f.label }))}
        style={{ width: 170 }}
        popupMatchSelectWidth={false}
      />
      <Select
        aria-label={t('conditions.operator')}
        value={rule.op}
        onChange={(op: ConditionOp) => {
          const wasList = LIST_OPS.has(rule.op);
          const keep = wasList === LIST_OPS.has(op) && rule.op !== 'between' && op !== 'between';
          onChange({ ...rule, op, value: keep ? rule.value : undefined });
        }}
        options={ops.map((op) => ({ value: op, label: opLabel(op, field?.kind ?? 'text') }))}
        style={{ width: 120 }}
        popupMatchSelectWidth={false}
      />
      <ConditionValueInput rule={rule} field={field} onChange={(value) => onChange({ ...rule, value })} />
      <Tooltip title={t('conditions.negateHelp')}>
        <Checkbox checked={rule.negate} onChange={(e) => onChange({ ...rule, negate: e.target.checked })}>
          {t('conditions.not')}
        </Checkbox>
      </Tooltip>
      <Button type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('conditions.removeRule')} />
    </Flex>
  );
}

function GroupBox({ group, fields, depth, onChange, onRemove }: { group: GroupNode; fields: readonly ConditionField[]; depth: number; onChange: (g: GroupNode) => void; onRemove?: () => void }) {
  const { t } = useTranslation();
  const first = fields[0];
  return (
    <div className={depth === 0 ? 'gx-condition-root' : 'gx-condition-group'}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 10 }}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('conditions.match')}</Typography.Text>
          <Radio.Group
            size="small"
            optionType="button"
            buttonStyle="solid"
            value={group.join}
            onChange={(e) => onChange({ ...group, join: e.target.value as 'and' | 'or' })}
            options={[
              { value: 'and', label: t('conditions.and') },
              { value: 'or', label: t('conditions.or') },
            ]}
          />
          <Typography.Text>{t('conditions.matchSuffix')}</Typography.Text>
          <Checkbox checked={group.negate} onChange={(e) => onChange({ ...group, negate: e.target.checked })}>
            {t('conditions.negateGroup')}
          </Checkbox>
        </Flex>
        {onRemove ? <Button type="text" size="small" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('conditions.removeGroup')} /> : null}
      </Flex>
      <Flex vertical gap={10}>
        {group.children.length === 0 ? <Typography.Text type="secondary">{t('conditions.empty')}</Typography.Text> : null}
        {group.children.map((child) =>
          child.type === 'group' ? (
            <GroupBox
              key={child.id}
              group={child}
              fields={fields}
              depth={depth + 1}
              onChange={(g) => onChange(updateNode(group, child.id, g))}
              onRemove={() => onChange(updateNode(group, child.id, null))}
            />
          ) : (
            <RuleRow
              key={child.id}
              rule={child}
              fields={fields}
              onChange={(r) => onChange(updateNode(group, child.id, r))}
              onRemove={() => onChange(updateNode(group, child.id, null))}
            />
          ),
        )}
      </Flex>
      <Flex gap={8} style={{ marginTop: 12 }}>
        <Button size="small" icon={<PlusOutlined />} disabled={!first} onClick={() => first && onChange({ ...group, children: [...group.children, newRule(first)] })}>
          {t('conditions.addRule')}
        </Button>
        {depth < MAX_DEPTH - 1 ? (
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange({ ...group, children: [...group.children, emptyGroup(group.join === 'and' ? 'or' : 'and')] })}>
            {t('conditions.addGroup')}
          </Button>
        ) : null}
      </Flex>
    </div>
  );
}

/**
 * The one editor of the condition language: field / operator / value rows in AND / OR groups, each rule or
 * group negatable (NOT). Lists use it for advanced filters; pool rules, segments and automations will too.
 */
export function ConditionBuilder({ value, onChange, fields }: BuilderProps) {
  return <GroupBox group={value} fields={fields} depth={0} onChange={onChange} />;
}
