import { ACTIONS, MODULES, type Action, type Module, type Permissions } from '@guanxi/common/permissions';
import { Checkbox, Flex, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';

type Group = 'sales' | 'service' | 'marketing' | 'insight' | 'system';

const GROUP_OF: Record<Module, Group> = {
  customers: 'sales', contacts: 'sales', leads: 'sales', followups: 'sales', tasks: 'sales', opportunities: 'sales',
  products: 'sales', orders: 'sales', tickets: 'service', segments: 'marketing', campaigns: 'marketing',
  automations: 'marketing', reports: 'insight', plans: 'insight', users: 'system', departments: 'system',
  roles: 'system', settings: 'system',
};

type PermissionMatrixProps = {
  value?: Permissions;
  onChange?: (next: Permissions) => void;
  readOnly?: boolean;
};

/** Rows in MODULES order, actions in ACTIONS order; modules without actions are left out. */
function normalize(draft: Partial<Record<Module, Set<Action>>>): Permissions {
  const out: Permissions = {};
  for (const m of MODULES) {
    const actions = ACTIONS.filter((a) => draft[m]?.has(a));
    if (actions.length) out[m] = actions;
  }
  return out;
}

/** The permission matrix: modules × actions with row and column select-all. Usable as an antd form control. */
export function PermissionMatrix({ value = {}, onChange, readOnly = false }: PermissionMatrixProps) {
  const { t } = useTranslation();
  const has = (m: Module, a: Action) => value[m]?.includes(a) ?? false;

  const set = (cells: Array<[Module, Action]>, on: boolean) => {
    const draft: Partial<Record<Module, Set<Action>>> = {};
    for (const m of MODULES) draft[m] = new Set(value[m] ?? []);
    for (const [m, a] of cells) {
      if (on) draft[m]?.add(a);
      else draft[m]?.delete(a);
    }
    onChange?.(normalize(draft));
  };

  const rowCells = (m: Module) => ACTIONS.map((a): [Module, Action] => [m, a]);
  const columnCells = (a: Action) => MODULES.map((m): [Module, Action] => [m, a]);
  const state = (cells: Array<[Module, Action]>) => {
    const on = cells.filter(([m, a]) => has(m, a)).length;
    return { checked: on === cells.length, indeterminate: on > 0 && on < cells.length };
  };

  const columns: TableProps<Module>['columns'] = [
    {
      title: t('roles.group'),
      key: 'group',
      width: 88,
      className: 'gx-matrix-module',
      onCell: (m, index = 0) => {
        const first = MODULES.findIndex((x) => GROUP_OF[x] === GROUP_OF[m]);
        const span = MODULES.filter((x) => GROUP_OF[x] === GROUP_OF[m]).length;
        return { rowSpan: index === first ? span : 0 };
      },
      render: (_, m) => t(`moduleGroups.${GROUP_OF[m]}`),
    },
    {
      title: t('roles.module'),
      key: 'module',
      width: 160,
      className: 'gx-matrix-module',
      render: (_, m) => (
        <Checkbox
          {...state(rowCells(m))}
          disabled={readOnly}
          onChange={(e) => set(rowCells(m), e.target.checked)}
          aria-label={`${t(`modules.${m}`)} ${t('roles.rowAll')}`}
        >
          {t(`modules.${m}`)}
        </Checkbox>
      ),
    },
    ...ACTIONS.map((a) => ({
      key: a,
      width: 76,
      // Label above its select-all box keeps eight columns narrow enough for English labels too.
      title: (
        <Flex vertical align="center" gap={4}>
          <span>{t(`actions.${a}`)}</span>
          <Checkbox
            {...state(columnCells(a))}
            disabled={readOnly}
            onChange={(e) => set(columnCells(a), e.target.checked)}
            aria-label={`${t(`actions.${a}`)} ${t('common.all')}`}
          />
        </Flex>
      ),
      render: (_: unknown, m: Module) => (
        <Checkbox
          checked={has(m, a)}
          disabled={readOnly}
          onChange={(e) => set([[m, a]], e.target.checked)}
          aria-label={`${t(`modules.${m}`)} ${t(`actions.${a}`)}`}
        />
      ),
    })),
  ];

  return (
    <Table<Module>
      className="gx-matrix"
      rowKey={(m) => m}
      columns={columns}
      dataSource={[...MODULES]}
      pagination={false}
      size="small"
      bordered
      scroll={{ x: 780 }}
    />
  );
}
