import { CheckCircleFilled } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { LanguageSwitch } from '../language-switch';
import { BrandLogo } from './brand-logo';

type AuthLayoutProps = { title: string; subtitle: string; footer: ReactNode; children: ReactNode; wide?: boolean };

/** Login and sign-up: the product story on the left, the form on the right. */
export function AuthLayout({ title, subtitle, footer, children, wide = false }: AuthLayoutProps) {
  const { t } = useTranslation();
  const pitches = [t('app.pitch1'), t('app.pitch2'), t('app.pitch3')];
  useDocumentTitle(title);
  return (
    <div className="gx-auth">
      <aside className="gx-auth-brand">
        <BrandLogo inverted />
        <div>
          <Typography.Title level={2} style={{ color: '#fff', marginBottom: 24 }}>
            {t('app.tagline')}
          </Typography.Title>
          <Flex vertical gap={16}>
            {pitches.map((p) => (
              <Flex key={p} gap={12} align="flex-start">
                <CheckCircleFilled style={{ color: '#91caff', fontSize: 18, marginTop: 3 }} />
                <Typography.Text style={{ color: 'rgba(255,255,255,0.88)', fontSize: 15 }}>{p}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        </div>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.6)' }}>
          {t('app.copyright', { year: new Date().getFullYear() })}
        </Typography.Text>
      </aside>
      <main className="gx-auth-main">
        <Flex justify="flex-end" className="gx-auth-top">
          <LanguageSwitch variant="outlined" />
        </Flex>
        <div className="gx-auth-form" style={{ maxWidth: wide ? 560 : 400 }}>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 28 }}>
            {subtitle}
          </Typography.Paragraph>
          {children}
          <div className="gx-auth-footer">{footer}</div>
        </div>
      </main>
    </div>
  );
}
