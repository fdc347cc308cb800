import { z } from 'zod';

/** Modules of the permission matrix (PRODUCT.md M0). Later modules use the same keys. */
export const MODULES = [
  'customers',
  'contacts',
  'leads',
  'followups',
  'tasks',
  'opportunities',
  'products',
  'orders',
  'tickets',
  'segments',
  'campaigns',
  'automations',
  'reports',
  'plans',
  'users',
  'departments',
  'roles',
  'settings',
] as const;
export type Module = (typeof MODULES)[number];

export const ACTIONS = ['view', 'create', 'edit', 'delete', 'import', 'export', 'transfer', 'manage'] as const;
export type Action = (typeof ACTIONS)[number];

/** Which rows of a module a role reaches: by the row's owner (or, for org data, the row's department). */
export const DATA_SCOPES = ['self', 'self_and_subordinates', 'department', 'department_and_children', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export const ROLE_CODES = ['admin', 'sales', 'service', 'marketing', 'manager'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export type Permissions = Partial<Record<Module, Action[]>>;

export const ZModule = z.enum(MODULES);
export const ZAction = z.enum(ACTIONS);
export const ZDataScope = z.enum(DATA_SCOPES);
export const ZPermissions = z.partialRecord(ZModule, z.array(ZAction));

/** True when the permission set grants the action on the module. */
export function hasPermission(permissions: Permissions, module: Module, action: Action): boolean {
  return permissions[module]?.includes(action) ?? false;
}

const ALL = [...ACTIONS];
const CRUD: Action[] = ['view', 'create', 'edit', 'delete'];
const SALES_WORK: Action[] = ['view', 'create', 'edit', 'transfer'];
const READ: Action[] = ['view'];

export type SeedRole = {
  code: RoleCode;
  name: { 'zh-CN': string; en: string };
  description: { 'zh-CN': string; en: string };
  dataScope: DataScope;
  viewSensitive: boolean;
  permissions: Permissions;
};

/** The five roles every new enterprise account starts with (PRODUCT.md M0). Admins may edit them. */
export const SEED_ROLES: readonly SeedRole[] = [
  {
    code: 'admin',
    name: { 'zh-CN': '管理员', en: 'Administrator' },
    description: { 'zh-CN': '全部功能与全部数据', en: 'Every module and all data' },
    dataScope: 'all',
    viewSensitive: true,
    permissions: Object.fromEntries(MODULES.map((m) => [m, ALL])),
  },
  {
    code: 'sales',
    name: { 'zh-CN': '销售', en: 'Sales' },
    description: { 'zh-CN': '维护本人客户，报表只读', en: 'Works on own customers; reports read-only' },
    dataScope: 'self',
    viewSensitive: true,
    permissions: {
      customers: SALES_WORK,
      contacts: ['view', 'create', 'edit'],
      leads: SALES_WORK,
      followups: ['view', 'create', 'edit'],
      tasks: ['view', 'create', 'edit'],
      opportunities: SALES_WORK,
      products: READ,
      orders: ['view', 'create', 'edit'],
      reports: READ,
      users: READ,
      departments: READ,
    },
  },
  {
    code: 'service',
    name: { 'zh-CN': '客服', en: 'Customer service' },
    description: { 'zh-CN': '处理工单，查看客户的服务相关信息', en: 'Handles tickets; sees the service side of customers' },
    dataScope: 'all',
    viewSensitive: true,
    permissions: {
      customers: READ,
      contacts: READ,
      followups: ['view', 'create'],
      tasks: ['view', 'create', 'edit'],
      products: READ,
      tickets: [...CRUD, 'transfer', 'export'],
      reports: READ,
      users: READ,
      departments: READ,
    },
  },
  {
    code: 'marketing',
    name: { 'zh-CN': '市场', en: 'Marketing' },
    description: { 'zh-CN': '客户分群与营销活动', en: 'Segments and campaigns' },
    dataScope: 'all',
    viewSensitive: false,
    permissions: {
      customers: READ,
      leads: ['view', 'create', 'edit', 'import'],
      segments: [...CRUD, 'export'],
      campaigns: [...CRUD, 'manage'],
      automations: CRUD,
      reports: READ,
      users: READ,
      departments: READ,
    },
  },
  {
    code: 'manager',
    name: { 'zh-CN': '部门经理', en: 'Department manager' },
    description: { 'zh-CN': '本部门及下属部门的全部业务数据', en: 'All business data of own department and sub-departments' },
    dataScope: 'department_and_children',
    viewSensitive: true,
    permissions: {
      customers: ALL,
      contacts: ALL,
      leads: ALL,
      followups: ALL,
      tasks: ALL,
      opportunities: ALL,
      products: READ,
      orders: ALL,
      tickets: READ,
      segments: READ,
      reports: ['view', 'export'],
      plans: CRUD,
      users: READ,
      departments: READ,
    },
  },
];
