import type { DataScope, Permissions } from '@guanxi/common/permissions';
import type { TRole } from '@guanxi/common/roles';
import { readBool, readJson, readTimestamp } from '../../db/dialect';
import type { RoleRow } from './roles.repository';

export function toRole(row: RoleRow): TRole {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    dataScope: row.data_scope as DataScope,
    viewSensitive: readBool(row.view_sensitive),
    permissions: readJson<Permissions>(row.permissions, {}),
    isSystem: readBool(row.is_system),
    userCount: Number(row.user_count ?? 0),
    version: row.version,
    createdAt: readTimestamp(row.created_at),
    updatedAt: readTimestamp(row.updated_at),
  };
}
