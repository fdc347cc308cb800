import { GlobalOutlined } from '@ant-design/icons';
import { LOCALES, type Locale } from '@guanxi/common/i18n';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale } from '../lib/i18n';

type LanguageSwitchProps = { onChange?: (locale: Locale) => void; variant?: 'text' | 'outlined' };

/** 简体中文 / English; the choice is remembered on this browser (and saved to the profile by `onChange`). */
export function LanguageSwitch({ onChange, variant = 'text' }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const select = (next: Locale) => {
    void changeLocale(next, { remember: true });
    onChange?.(next);
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: t(`language.${l}`) })),
        onClick: ({ key }) => select(key as Locale),
      }}
    >
      <Button type={variant === 'text' ? 'text' : 'default'} icon={<GlobalOutlined />} aria-label={t('language.switch')}>
        {t(`language.${locale}`)}
      </Button>
    </Dropdown>
  );
}
