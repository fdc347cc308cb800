import type { ColumnType, Generated, Kysely } from 'kysely';

/** Timestamps: ISO strings in, ISO text (SQLite) or Date (PostgreSQL) out; mappers normalise with readTimestamp. */
export type Timestamp = ColumnType<Date | string, string, string>;
/** Booleans: true/false on PostgreSQL, 1/0 on SQLite; write with dbBool, read with readBool. */
export type Bool = ColumnType<boolean | number, boolean | number, boolean | number>;
/** JSON: parsed on PostgreSQL, text on SQLite; write with dbJson, read with readJson. */
export type Json = ColumnType<unknown, unknown, unknown>;

export type AppSettingsTable = { key: string; value: string };

export type TenantsTable = {
  id: string;
  name: string;
  industry: string | null;
  staff_size: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DepartmentsTable = {
  id: string;
  tenant_id: string;
  name: string;
  parent_id: string | null;
  head_id: string | null;
  path: string;
  sort: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type RolesTable = {
  id: string;
  tenant_id: string;
  code: string | null;
  name: string;
  description: string | null;
  data_scope: string;
  permissions: Json;
  view_sensitive: Bool;
  is_system: Bool;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type UsersTable = {
  id: string;
  tenant_id: string;
  name: string;
  email: string;
  mobile: string | null;
  password_hash: string;
  department_id: string | null;
  role_id: string;
  superior_id: string | null;
  active: Bool;
  locale: Generated<string>;
  timezone: Generated<string>;
  last_login_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SessionsTable = {
  id: string;
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
};

export type ApiTokensTable = {
  id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
};

export type LoginThrottleTable = {
  key: string;
  failures: number;
  first_failure_at: Timestamp;
  locked_until: Timestamp | null;
};

export type AuditLogTable = {
  id: string;
  tenant_id: string;
  actor_id: string | null;
  actor_name: string | null;
  entity: string;
  entity_id: string;
  action: string;
  changes: Json;
  ip: string | null;
  created_at: Timestamp;
};

export type SensitiveAccessLogTable = {
  id: string;
  tenant_id: string;
  user_id: string;
  entity: string;
  entity_ids: Json;
  fields: Json;
  action: string;
  created_at: Timestamp;
};

export type Database = {
  app_settings: AppSettingsTable;
  tenants: TenantsTable;
  departments: DepartmentsTable;
  roles: RolesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  sensitive_access_log: SensitiveAccessLogTable;
};

export type Db = Kysely<Database>;
