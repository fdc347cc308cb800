import type { DataScope, Permissions } from '@guanxi/common/permissions';
import type { Locale } from '@guanxi/common/i18n';

/**
 * Who is asking: built once per request by the auth middleware and passed to every service and repository.
 * Every query is scoped to `tenantId`; rows are filtered by `dataScope` through lib/access.ts.
 */
export type Actor = Readonly<{
  tenantId: string;
  userId: string;
  name: string;
  departmentId: string | null;
  /** Materialised path of the actor's department ("/root/sales/"), or null without a department. */
  departmentPath: string | null;
  roleId: string;
  roleCode: string | null;
  dataScope: DataScope;
  permissions: Permissions;
  viewSensitive: boolean;
  locale: Locale;
  ip: string | null;
  via: 'session' | 'token' | 'system';
}>;
