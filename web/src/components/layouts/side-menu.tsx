import {
  AimOutlined, ApartmentOutlined, CarryOutOutlined, CloudUploadOutlined, FieldTimeOutlined, FileSearchOutlined, AuditOutlined, BarChartOutlined,
  BookOutlined, ContactsOutlined,
  CustomerServiceOutlined, DashboardOutlined, DeleteOutlined, FormOutlined, FundOutlined, InboxOutlined, KeyOutlined,
  NotificationOutlined, PieChartOutlined, RocketOutlined, ScheduleOutlined, SafetyCertificateOutlined, SettingOutlined,
  ShoppingCartOutlined, TeamOutlined, UserOutlined,
} from '@ant-design/icons';
import { IMPORT_MODULE, IMPORT_TYPES } from '@guanxi/common/imports';
import type { Action, Module } from '@guanxi/common/permissions';
import { Menu, Tooltip, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { paths } from '../../config/paths';
import { useCan } from '../../lib/authorization';

type MenuItem = Required<MenuProps>['items'][number];
type SoonKey = 'leads' | 'opportunities' | 'orders' | 'tickets' | 'marketing' | 'analytics' | 'plans';

/** Modules of PRODUCT.md that are not built yet: listed so users see what is coming, but not clickable. */
const SOON: Array<[SoonKey, ReactNode]> = [
  ['leads', <AimOutlined />],
  ['opportunities', <FundOutlined />],
  ['orders', <ShoppingCartOutlined />],
  ['tickets', <CustomerServiceOutlined />],
  ['marketing', <NotificationOutlined />],
  ['analytics', <BarChartOutlined />],
  ['plans', <ScheduleOutlined />],
];

/** `needs`: the right the entry needs; `anyOf`: any one of these (a page serving several modules). */
type Entry = { href: string; label: string; icon: ReactNode; needs?: [Module, Action]; anyOf?: Array<[Module, Action]> };

export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const business: Entry[] = [
    { href: paths.customers.list.getHref(), label: t('nav.customers'), icon: <TeamOutlined />, needs: ['customers', 'view'] },
    { href: paths.contacts.getHref(), label: t('nav.contacts'), icon: <ContactsOutlined />, needs: ['contacts', 'view'] },
    { href: paths.tasks.getHref(), label: t('activities.tasksPage.title'), icon: <CarryOutOutlined />, needs: ['tasks', 'view'] },
    { href: paths.pools.getHref(), label: t('nav.pools'), icon: <InboxOutlined />, needs: ['customers', 'view'] },
    { href: paths.customers.recycleBin.getHref(), label: t('nav.recycleBin'), icon: <DeleteOutlined />, needs: ['customers', 'delete'] },
    { href: paths.imports.getHref(), label: t('imports.nav'), icon: <CloudUploadOutlined />, anyOf: IMPORT_TYPES.map((type) => [IMPORT_MODULE[type], 'import']) },
    { href: paths.dataQuality.getHref(), label: t('dataQuality.nav'), icon: <FileSearchOutlined />, needs: ['customers', 'manage'] },
  ];
  const allowed = (s: Entry) => (!s.needs || can(...s.needs)) && (!s.anyOf || s.anyOf.some(([m, a]) => can(m, a)));
  const visibleBusiness = business.filter(allowed);

  const settings: Entry[] = [
    { href: paths.settings.departments.getHref(), label: t('nav.departments'), icon: <ApartmentOutlined />, needs: ['departments', 'view'] },
    { href: paths.settings.users.getHref(), label: t('nav.users'), icon: <UserOutlined />, needs: ['users', 'view'] },
    { href: paths.settings.roles.getHref(), label: t('nav.roles'), icon: <SafetyCertificateOutlined />, needs: ['roles', 'view'] },
    { href: paths.settings.tokens.getHref(), label: t('nav.tokens'), icon: <KeyOutlined /> },
    { href: paths.settings.dictionaries.getHref(), label: t('nav.dictionaries'), icon: <BookOutlined />, needs: ['settings', 'manage'] },
    { href: paths.settings.fields.getHref(), label: t('nav.fields'), icon: <FormOutlined />, needs: ['settings', 'manage'] },
    { href: paths.settings.completeness.getHref(), label: t('nav.completeness'), icon: <PieChartOutlined />, needs: ['settings', 'manage'] },
    { href: paths.settings.followupSop.getHref(), label: t('activities.sop.title'), icon: <FieldTimeOutlined />, needs: ['settings', 'manage'] },
    { href: paths.settings.audit.getHref(), label: t('nav.audit'), icon: <AuditOutlined />, needs: ['settings', 'manage'] },
    { href: paths.settings.jobs.getHref(), label: t('jobs.nav'), icon: <ScheduleOutlined />, needs: ['settings', 'manage'] },
  ];
  const visibleSettings = settings.filter(allowed);

  const soonLabel = (key: SoonKey) => (
    <Tooltip title={t('nav.comingSoon')} placement="right">
      <span className="gx-soon">{t(`nav.${key}`)}</span>
    </Tooltip>
  );

  const items: MenuItem[] = [
    { key: paths.start.getHref(), icon: <RocketOutlined />, label: t('nav.home') },
    {
      type: 'group',
      key: 'business',
      label: collapsed ? null : t('nav.business'),
      children: [
        ...(can('tasks', 'view') ? [{ key: paths.home.getHref(), icon: <DashboardOutlined />, label: t('nav.workbench') }] : []),
        ...visibleBusiness.map((s) => ({ key: s.href, icon: s.icon, label: s.label })),
        ...SOON.map(([key, icon]) => ({ key: `soon-${key}`, icon, disabled: true, label: soonLabel(key) })),
      ],
    },
    {
      key: 'settings',
      icon: <SettingOutlined />,
      label: t('nav.settings'),
      children: visibleSettings.map((s) => ({ key: s.href, icon: s.icon, label: s.label })),
    },
  ];

  const selected = [...business, ...settings].find((s) => pathname.startsWith(s.href))?.href ?? pathname;
  return (
    <Menu
      mode="inline"
      inlineIndent={20}
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={['settings']}
      onClick={({ key }) => {
        if (key.startsWith('/')) navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
