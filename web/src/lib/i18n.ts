import { LOCALES, type Locale } from '@guanxi/common/i18n';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en';
import { zhCN } from '../locales/zh-cn';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

const STORAGE_KEY = 'guanxi.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language the user picked explicitly on this browser, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function currentLocale(): Locale {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

function applyToDocument(locale: Locale) {
  document.documentElement.lang = locale;
  // Date pickers (antd, through dayjs) name months and weekdays in the UI language.
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
}

/** Switches the UI language; `remember` stores it as the user's explicit choice on this browser. */
export async function changeLocale(locale: Locale, { remember }: { remember: boolean }): Promise<void> {
  if (remember) {
    try {
      window.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private mode may refuse storage; the language still changes for this visit.
    }
  }
  if (currentLocale() !== locale) await i18next.changeLanguage(locale);
  applyToDocument(locale);
}

/** Adopts the signed-in user's saved language unless this browser has an explicit choice. */
export function adoptUserLocale(userLocale: string): void {
  if (storedLocale() || !isLocale(userLocale) || userLocale === currentLocale()) return;
  void changeLocale(userLocale, { remember: false });
}

export function initI18n(): void {
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: storedLocale() ?? 'zh-CN',
    fallbackLng: 'zh-CN',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyToDocument(currentLocale());
}

export { i18next };
