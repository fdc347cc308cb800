import type { CustomFieldEntity, TCustomField, TFieldOption } from '@guanxi/common/fields';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client';

/**
 * Custom field definitions are used by forms, list columns, filters and detail pages of several features, so
 * they are shared here; the settings page edits them and invalidates this key.
 */
export const customFieldsQueryKey = ['fields'] as const;

export const getCustomFields = (entity: CustomFieldEntity) =>
  api.get<{ items: TCustomField[] }>('/fields', { entity }).then((r) => r.items.slice().sort((a, b) => a.sort - b.sort));

export const getCustomFieldsQueryOptions = (entity: CustomFieldEntity) =>
  queryOptions({ queryKey: [...customFieldsQueryKey, entity], queryFn: () => getCustomFields(entity), staleTime: 5 * 60_000 });

/** All definitions of the entity (inactive ones too: old values still need their labels), in their order. */
export function useCustomFields(entity: CustomFieldEntity) {
  return useQuery(getCustomFieldsQueryOptions(entity));
}

export function fieldDisplayName(field: Pick<TCustomField, 'labelZh' | 'labelEn'>, language: string): string {
  return language === 'en' ? field.labelEn || field.labelZh : field.labelZh;
}

export function optionLabel(option: TFieldOption, language: string): string {
  return language === 'en' ? option.labelEn || option.labelZh : option.labelZh;
}
