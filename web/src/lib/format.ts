import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from './auth';

type Style = 'datetime' | 'date';

/** Formats ISO timestamps in the UI language and the user's time zone; null/empty gives an em dash. */
export function useFormatDate(): (iso: string | null | undefined, style?: Style) => string {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const locale = i18n.language === 'en' ? 'en-US' : 'zh-CN';
  const timeZone = me?.user.timezone;
  return useCallback(
    (iso, style = 'datetime') => {
      if (!iso) return '—';
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      const options: Intl.DateTimeFormatOptions =
        style === 'date'
          ? { year: 'numeric', month: '2-digit', day: '2-digit' }
          : { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false };
      try {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
      } catch {
        return new Intl.DateTimeFormat(locale, options).format(date);
      }
    },
    [locale, timeZone],
  );
}
