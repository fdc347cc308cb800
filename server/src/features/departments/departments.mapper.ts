import type { TDepartment } from '@guanxi/common/departments';
import { readTimestamp } from '../../db/dialect';
import type { DepartmentRow } from './departments.repository';

export function toDepartment(row: DepartmentRow): TDepartment {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    headId: row.head_id,
    sort: row.sort,
    memberCount: Number(row.member_count ?? 0),
    version: row.version,
    createdAt: readTimestamp(row.created_at),
    updatedAt: readTimestamp(row.updated_at),
  };
}
