import type { TUser } from '@guanxi/common/users';
import { readBool, readTimestamp } from '../../db/dialect';
import type { SensitiveFields } from '../../lib/masking';
import type { UserRow } from './users.repository';

/** Mobile and email of colleagues are personal data: masked for roles without "view sensitive data". */
export const USER_SENSITIVE: SensitiveFields = { mobile: 'mobile', email: 'email' };

export function toUser(row: UserRow): TUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    mobile: row.mobile,
    departmentId: row.department_id,
    roleId: row.role_id,
    superiorId: row.superior_id,
    active: readBool(row.active),
    locale: row.locale,
    timezone: row.timezone,
    lastLoginAt: readTimestamp(row.last_login_at, true),
    version: row.version,
    createdAt: readTimestamp(row.created_at),
    updatedAt: readTimestamp(row.updated_at),
  };
}
