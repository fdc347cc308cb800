import type { Condition } from '@guanxi/common/conditions';
import { Alert, Button, Drawer, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionBuilder } from '../../../components/condition-builder/condition-builder';
import { fromCondition, toCondition, type ConditionField, type GroupNode } from '../../../components/condition-builder/condition-tree';

type AdvancedFilterProps = {
  open: boolean;
  value: Condition | null;
  fields: ConditionField[];
  onApply: (next: Condition | null) => void;
  onClose: () => void;
};

function FilterEditor({ value, fields, onApply, onClose }: Omit<AdvancedFilterProps, 'open'>) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<GroupNode>(() => fromCondition(value, fields));
  return (
    <Flex vertical gap={16} style={{ height: '100%' }}>
      <Alert type="info" showIcon message={t('customers.advancedHelp')} />
      <div style={{ flex: 1 }}>
        <ConditionBuilder value={group} onChange={setGroup} fields={fields} />
      </div>
      <Flex justify="space-between" gap={8} className="gx-drawer-footer">
        <Button onClick={() => onApply(null)}>{t('customers.clearFilter')}</Button>
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => onApply(toCondition(group, fields))}>
            {t('customers.applyFilter')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}

/** 高级筛选: any combination of fields (custom ones too), tag sets, AND / OR groups and NOT. */
export function CustomerAdvancedFilter({ open, ...props }: AdvancedFilterProps) {
  const { t } = useTranslation();
  return (
    <Drawer open={open} onClose={props.onClose} title={t('customers.advancedFilter')} width={860} destroyOnHidden>
      {open ? <FilterEditor {...props} /> : null}
    </Drawer>
  );
}
