import { BankOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import type { Locale } from '@guanxi/common/i18n';
import { Avatar, Button, Divider, Dropdown, Flex, Layout, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../config/paths';
import { LanguageSwitch } from '../language-switch';
import { BrandLogo } from './brand-logo';
import { SideMenu } from './side-menu';

type AppLayoutProps = {
  companyName: string;
  userName: string;
  roleName: string;
  onLogout: () => void;
  onLocaleChange: (locale: Locale) => void;
  /** Header items of features (the notification bell), left of the language switch. */
  headerExtra?: ReactNode;
  children: ReactNode;
};

/** The signed-in frame: side menu, header with company, language and user menu, and the page. */
export function AppLayout({ companyName, userName, roleName, onLogout, onLocaleChange, headerExtra, children }: AppLayoutProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout className="gx-app">
      <Layout.Sider
        width={232}
        collapsedWidth={64}
        collapsed={collapsed}
        breakpoint="lg"
        onBreakpoint={(broken) => setCollapsed(broken)}
        trigger={null}
        theme="light"
        className="gx-sider"
      >
        <div className="gx-sider-logo">
          <BrandLogo collapsed={collapsed} />
        </div>
        <SideMenu collapsed={collapsed} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="gx-header">
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
              aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
            />
            <BankOutlined style={{ color: '#1677ff' }} />
            <Typography.Text strong ellipsis className="gx-company" data-testid="company-name">
              {companyName}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={4}>
            {headerExtra}
            <LanguageSwitch onChange={onLocaleChange} />
            <Divider type="vertical" />
            <Dropdown
              trigger={['click']}
              // Above the toasts (z-index 2050), which open in the same corner: a menu just opened must be clickable.
              overlayStyle={{ zIndex: 2100 }}
              menu={{
                items: [
                  { key: 'profile', icon: <UserOutlined />, label: t('nav.profile') },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
                ],
                onClick: ({ key }) => (key === 'logout' ? onLogout() : navigate(paths.profile.getHref())),
              }}
            >
              <Button type="text" className="gx-user-button" aria-label={userName}>
                <Avatar size="small" style={{ background: '#1677ff' }}>
                  {userName.slice(0, 1).toUpperCase()}
                </Avatar>
                <span className="gx-user-name">{userName}</span>
                <Tag bordered={false} color="blue" style={{ marginInlineEnd: 0 }}>
                  {roleName}
                </Tag>
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content className="gx-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
