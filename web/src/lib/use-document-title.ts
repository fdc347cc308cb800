import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "用户 · Guanxi CRM 关系" in the browser tab, following the UI language. */
export function useDocumentTitle(title: string | null): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    const app = t('app.documentTitle');
    document.title = title ? `${title} · ${app}` : app;
  }, [title, t, i18n.language]);
}
