import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type BrandLogoProps = { collapsed?: boolean; inverted?: boolean };

/** The product mark: two linked rings (关系 = relationship) and the name. */
export function BrandLogo({ collapsed = false, inverted = false }: BrandLogoProps) {
  const { t } = useTranslation();
  const color = inverted ? '#fff' : '#1677ff';
  return (
    <Flex align="center" gap={10} className="gx-brand">
      <svg width="32" height="32" viewBox="0 0 64 64" aria-hidden="true">
        <rect width="64" height="64" rx="14" fill={inverted ? 'rgba(255,255,255,0.18)' : '#1677ff'} />
        <circle cx="24" cy="32" r="11" fill="none" stroke="#fff" strokeWidth="6" />
        <circle cx="40" cy="32" r="11" fill="none" stroke="#fff" strokeWidth="6" opacity="0.75" />
      </svg>
      {collapsed ? null : (
        <Typography.Text strong style={{ fontSize: 17, color: inverted ? '#fff' : undefined, whiteSpace: 'nowrap' }}>
          {t('app.name')} <span style={{ color }}>{t('app.cnName')}</span>
        </Typography.Text>
      )}
    </Flex>
  );
}
