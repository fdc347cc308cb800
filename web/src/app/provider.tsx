import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, theme } from 'antd';
// The ES builds: the CommonJS `antd/locale/*` entry points lose their default export under Vite's interop.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setUnauthenticatedHandler } from '../lib/api-client';
import { setMe } from '../lib/auth';
import { setNotificationInstance } from '../lib/notify';
import { createQueryClient } from '../lib/query-client';

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif";

function NotificationBridge() {
  const { notification } = AntdApp.useApp();
  useEffect(() => {
    setNotificationInstance(notification);
    return () => setNotificationInstance(null);
  }, [notification]);
  return null;
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();

  useEffect(() => {
    // A 401 on an authenticated call means the session ended: forget it, and the guards show the login page.
    setUnauthenticatedHandler(() => setMe(queryClient, null));
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={i18n.language === 'en' ? enUS : zhCN}
        button={{ autoInsertSpace: false }}
        theme={{
          algorithm: theme.defaultAlgorithm,
          token: { colorPrimary: '#1677ff', borderRadius: 8, fontFamily: FONT, colorBgLayout: '#f5f7fa' },
          components: {
            Layout: { headerBg: '#fff', siderBg: '#fff' },
            Menu: { itemBorderRadius: 8, itemHeight: 36, itemMarginBlock: 2, groupTitleFontSize: 12 },
          },
        }}
      >
        <AntdApp notification={{ placement: 'topRight', top: 76 }}>
          <NotificationBridge />
          {children}
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
