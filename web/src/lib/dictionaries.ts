import type { DictionaryType, TDictionaryEntry } from '@guanxi/common/dictionaries';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api-client';

/**
 * Dictionaries (industry, source, size, status, contact role, follow-up method) are reference data every page
 * shows, so they live here rather than in one feature; the settings page edits them and invalidates this key.
 */
export const dictionariesQueryKey = ['dictionaries'] as const;

export const getDictionaries = () => api.get<{ items: TDictionaryEntry[] }>('/dictionaries').then((r) => r.items);

export const getDictionariesQueryOptions = () =>
  queryOptions({ queryKey: dictionariesQueryKey, queryFn: getDictionaries, staleTime: 5 * 60_000 });

export function useDictionaries() {
  return useQuery(getDictionariesQueryOptions());
}

export type Option = { value: string; label: string };

/** An entry's label in the UI language. */
export function entryLabel(entry: Pick<TDictionaryEntry, 'labelZh' | 'labelEn'>, language: string): string {
  return language === 'en' ? entry.labelEn || entry.labelZh : entry.labelZh;
}

/** `(type, code) → label` in the UI language; unknown codes are shown as they are. */
export function useDictionaryLabel(): (type: DictionaryType, code: string | null | undefined) => string {
  const { data } = useDictionaries();
  const { i18n } = useTranslation();
  const byKey = useMemo(() => new Map((data ?? []).map((e) => [`${e.type}:${e.code}`, e])), [data]);
  return useCallback(
    (type, code) => {
      if (code === null || code === undefined || code === '') return '—';
      const entry = byKey.get(`${type}:${code}`);
      return entry ? entryLabel(entry, i18n.language) : code;
    },
    [byKey, i18n.language],
  );
}

/** The active entries of a type as select options, in their configured order (plus `keep`, an inactive current value). */
export function useDictionaryOptions(type: DictionaryType, keep?: string | null): Option[] {
  const { data } = useDictionaries();
  const { i18n } = useTranslation();
  return useMemo(
    () =>
      (data ?? [])
        .filter((e) => e.type === type && (e.active || e.code === keep))
        .sort((a, b) => a.sort - b.sort)
        .map((e) => ({ value: e.code, label: entryLabel(e, i18n.language) })),
    [data, type, keep, i18n.language],
  );
}

/** Whether choosing this code asks for a note (industry 其他). */
export function useNeedsNote(): (type: DictionaryType, code: string | null | undefined) => boolean {
  const { data } = useDictionaries();
  return useCallback((type, code) => Boolean(code && data?.some((e) => e.type === type && e.code === code && e.needsNote)), [data]);
}
