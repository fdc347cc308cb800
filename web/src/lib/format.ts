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

/** Yuan amounts: ¥1,234.50 (zh) / CN¥1,234.50 (en); null gives an em dash. */
export function useFormatMoney(): (amount: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-US' : 'zh-CN';
  return useCallback(
    (amount) =>
      amount === null || amount === undefined
        ? '—'
        : new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(amount),
    [locale],
  );
}

export function useFormatNumber(): (value: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-US' : 'zh-CN';
  return useCallback((value) => (value === null || value === undefined ? '—' : new Intl.NumberFormat(locale).format(value)), [locale]);
}

/** 13812345678 → 138 1234 5678 (the way numbers are read out); masked or other numbers stay as they are. */
export function formatMobile(mobile: string | null | undefined): string {
  if (!mobile) return '—';
  return /^1\d{10}$/.test(mobile) ? `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}` : mobile;
}

/** A date-only value (YYYY-MM-DD) in the UI language, without time-zone shifts. */
export function useFormatDay(): (day: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-US' : 'zh-CN';
  return useCallback(
    (day) => {
      if (!day) return '—';
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
      if (!m) return day;
      const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(date);
    },
    [locale],
  );
}

/** "3 天前" / "3 days ago" style, for timelines and notifications. */
export function useFormatRelative(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useCallback(
    (iso) => {
      if (!iso) return '—';
      const diff = (new Date(iso).getTime() - Date.now()) / 1000;
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      const abs = Math.abs(diff);
      if (abs < 60) return rtf.format(Math.round(diff), 'second');
      if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
      if (abs < 86_400) return rtf.format(Math.round(diff / 3600), 'hour');
      if (abs < 30 * 86_400) return rtf.format(Math.round(diff / 86_400), 'day');
      if (abs < 365 * 86_400) return rtf.format(Math.round(diff / (30 * 86_400)), 'month');
      return rtf.format(Math.round(diff / (365 * 86_400)), 'year');
    },
    [locale],
  );
}
