import { CUSTOMER_TYPES, GENDERS, RISK_LEVELS, VALUE_TIERS } from '@guanxi/common/customers';
import type { TCustomField } from '@guanxi/common/fields';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionField, FieldKind } from '../../../components/condition-builder/condition-tree';
import { fieldDisplayName, optionLabel, useCustomFields } from '../../../lib/custom-fields';
import { useDictionaryOptions } from '../../../lib/dictionaries';
import { useTags } from '../api/get-tags';
import { useRegions } from '../api/get-regions';

const CUSTOM_KIND: Record<TCustomField['type'], FieldKind> = {
  text: 'text', number: 'number', money: 'number', date: 'date', select: 'enum', multiselect: 'multi', boolean: 'bool',
};

type OwnerInput = ConditionField['renderInput'];

/** The fields an advanced customer filter may use: the API's registry (built-ins, tags, custom.<key>). */
export function useCustomerFilterFields(ownerInput?: OwnerInput): ConditionField[] {
  const { t, i18n } = useTranslation();
  const status = useDictionaryOptions('status');
  const industry = useDictionaryOptions('industry');
  const source = useDictionaryOptions('source');
  const size = useDictionaryOptions('size');
  const { data: tags = [] } = useTags();
  const { data: regions } = useRegions();
  const { data: custom = [] } = useCustomFields('customer');

  return useMemo(() => {
    const f = (key: string, kind: FieldKind, extra: Partial<ConditionField> = {}): ConditionField => ({
      key, kind, label: t(`customers.fields.${key as 'name'}`), ...extra,
    });
    const enumOf = (values: readonly string[], prefix: (v: string) => string) => values.map((v) => ({ value: v, label: prefix(v) }));
    return [
      f('tags', 'multi', { options: tags.map((tag) => ({ value: tag.name, label: tag.name })), allowCreate: true }),
      f('status', 'enum', { options: status }),
      f('industry', 'enum', { options: industry }),
      f('source', 'enum', { options: source }),
      f('size', 'enum', { options: size }),
      f('ownerId', 'enum', { renderInput: ownerInput }),
      f('name', 'text'),
      f('number', 'text'),
      f('type', 'enum', { options: enumOf(CUSTOMER_TYPES, (v) => t(`customers.types.${v as 'enterprise'}`)) }),
      f('province', 'enum', { options: Object.keys(regions ?? {}).map((p) => ({ value: p, label: p })) }),
      f('city', 'enum', { options: [], allowCreate: true }),
      f('valueTier', 'enum', { options: enumOf(VALUE_TIERS, (v) => t('customers.tierTag', { tier: v })) }),
      f('riskLevel', 'enum', { options: enumOf(RISK_LEVELS, (v) => t(`customers.risks.${v as 'high'}`)) }),
      f('gender', 'enum', { options: enumOf(GENDERS, (v) => t(`customers.genders.${v as 'male'}`)) }),
      f('requirement', 'text'),
      f('completeness', 'number'),
      f('lastFollowUpAt', 'datetime'),
      f('firstContactAt', 'datetime'),
      f('createdAt', 'datetime'),
      f('updatedAt', 'datetime'),
      f('wonAt', 'datetime'),
      f('birthday', 'date'),
      f('staffCount', 'number'),
      f('purchaseFrequency', 'number'),
      f('avgOrderValue', 'number'),
      f('annualRevenue', 'number'),
      ...custom
        .filter((c) => c.active)
        .map((c) => ({
          key: `custom.${c.key}`,
          label: fieldDisplayName(c, i18n.language),
          kind: CUSTOM_KIND[c.type],
          options: c.options.map((o) => ({ value: o.value, label: optionLabel(o, i18n.language) })),
        })),
    ];
  }, [t, i18n.language, status, industry, source, size, tags, regions, custom, ownerInput]);
}
