import type { ColumnType, Generated, Kysely } from 'kysely';
import type { FollowupsTable, InteractionsTable, TaskSeriesTable, TasksTable } from './activities-tables';

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

export type DictionariesTable = {
  id: string;
  tenant_id: string;
  type: string;
  code: string;
  label_zh: string;
  label_en: string;
  sort: Generated<number>;
  active: Bool;
  is_system: Bool;
  needs_note: Bool;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CustomFieldsTable = {
  id: string;
  tenant_id: string;
  entity: string;
  key: string;
  label_zh: string;
  label_en: string;
  type: string;
  required: Bool;
  options: Json;
  sort: Generated<number>;
  active: Bool;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CustomersTable = {
  id: string;
  tenant_id: string;
  number: string;
  name: string;
  name_norm: string;
  type: string;
  industry: string;
  industry_note: string | null;
  source: string;
  size: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
  owner_id: string | null;
  status: string;
  requirement: string | null;
  product_preference: string | null;
  communication_preference: string | null;
  value_tier: string | null;
  risk_level: string | null;
  first_contact_at: Timestamp | null;
  last_follow_up_at: Timestamp | null;
  won_at: Timestamp | null;
  follow_up_due_at: Timestamp | null;
  purchase_frequency: number | null;
  avg_order_value: number | null;
  gender: string | null;
  birthday: string | null;
  staff_count: number | null;
  annual_revenue: number | null;
  completeness: Generated<number>;
  custom: Json;
  search_text: string;
  pool_id: string | null;
  pooled_at: Timestamp | null;
  last_owner_id: string | null;
  owned_since: Timestamp | null;
  pool_warned_at: Timestamp | null;
  locked: Generated<Bool>;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ContactsTable = {
  id: string;
  tenant_id: string;
  customer_id: string;
  name: string;
  title: string | null;
  mobile: string | null;
  landline: string | null;
  email: string | null;
  role: string | null;
  preferred_channel: string | null;
  notes: string | null;
  is_primary: Bool;
  birthday: string | null;
  custom: Json;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TagsTable = {
  id: string;
  tenant_id: string;
  name: string;
  group_name: string | null;
  color: string | null;
  created_at: Timestamp;
};

export type CustomerTagsTable = { tenant_id: string; customer_id: string; tag_id: string; created_at: Timestamp };

export type SequencesTable = { tenant_id: string; name: string; period: string; value: number };

export type TimelineEventsTable = {
  id: string;
  tenant_id: string;
  customer_id: string;
  type: string;
  ref_type: string | null;
  ref_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  data: Json;
  occurred_at: Timestamp;
};

export type TenantSettingsTable = { tenant_id: string; key: string; value: Json; version: Generated<number>; updated_at: Timestamp };

export type NotificationsTable = {
  id: string;
  tenant_id: string;
  user_id: string;
  type: string;
  data: Json;
  read_at: Timestamp | null;
  created_at: Timestamp;
};

export type PoolsTable = {
  id: string;
  tenant_id: string;
  name: string;
  is_default: Bool;
  rules: Json;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PoolMembersTable = { tenant_id: string; pool_id: string; user_id: string; is_admin: Bool };

export type PoolClaimsTable = { id: string; tenant_id: string; pool_id: string; customer_id: string; user_id: string; action: string; created_at: Timestamp };

export type JobRunsTable = {
  job: string;
  slot: string;
  owner: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  error: string | null;
  result: Json | null;
};

export type JobsTable = {
  id: string;
  tenant_id: string | null;
  name: string;
  data: Json;
  state: string;
  singleton_key: string | null;
  attempts: number;
  retry_limit: number;
  retry_delay_ms: number;
  lease_ms: number;
  run_at: Timestamp;
  locked_by: string | null;
  lease_until: Timestamp | null;
  last_error: string | null;
  progress: Json | null;
  result: Json | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
};

export type NotificationSettingsTable = {
  user_id: string;
  tenant_id: string;
  email_enabled: Bool;
  email_types: Json;
  version: number;
  updated_at: Timestamp;
};

export type EmailOutboxTable = {
  id: string;
  tenant_id: string;
  notification_id: string;
  user_id: string;
  state: string;
  attempts: number;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
};

export type AttachmentsTable = {
  id: string;
  tenant_id: string;
  entity: string;
  entity_id: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
};

export type SavedViewsTable = {
  id: string;
  tenant_id: string;
  owner_id: string;
  entity: string;
  name: string;
  shared: Bool;
  config: Json;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ImportsTable = {
  id: string;
  tenant_id: string;
  type: string;
  status: string;
  file_name: string;
  file_size: ColumnType<number | string, number, number>;
  storage_key: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  header_row: number;
  headers: Json;
  mapping: Json | null;
  defaults: Json | null;
  duplicate_policy: string | null;
  total: number | null;
  processed: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  run_started_at: Timestamp | null;
  run_start_processed: Generated<number>;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  error: string | null;
  locale: string;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  updated_at: Timestamp;
};

export type ImportErrorsTable = { import_id: string; row_no: number; tenant_id: string; cells: Json; reasons: Json };

export type ImportMappingsTable = { tenant_id: string; type: string; header: string; field: string; updated_at: Timestamp };

export type ExportsTable = {
  id: string;
  tenant_id: string;
  type: string;
  format: string;
  status: string;
  params: Json;
  total: number | null;
  processed: Generated<number>;
  storage_key: string | null;
  file_name: string;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  error: string | null;
  locale: string;
  created_by: string;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  updated_at: Timestamp;
};

export type DataQualityIssuesTable = {
  id: string;
  tenant_id: string;
  kind: string;
  key: string;
  customer_ids: Json;
  size: number;
  detail: Json | null;
  computed_at: Timestamp;
};

export type DataQualityRunsTable = { tenant_id: string; status: string; started_at: Timestamp; finished_at: Timestamp | null; counts: Json | null; error: string | null };

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
  dictionaries: DictionariesTable;
  custom_fields: CustomFieldsTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  tags: TagsTable;
  customer_tags: CustomerTagsTable;
  sequences: SequencesTable;
  timeline_events: TimelineEventsTable;
  tenant_settings: TenantSettingsTable;
  notifications: NotificationsTable;
  pools: PoolsTable;
  pool_members: PoolMembersTable;
  pool_claims: PoolClaimsTable;
  job_runs: JobRunsTable;
  jobs: JobsTable;
  notification_settings: NotificationSettingsTable;
  email_outbox: EmailOutboxTable;
  attachments: AttachmentsTable;
  saved_views: SavedViewsTable;
  followups: FollowupsTable;
  tasks: TasksTable;
  task_series: TaskSeriesTable;
  interactions: InteractionsTable;
  imports: ImportsTable;
  import_errors: ImportErrorsTable;
  import_mappings: ImportMappingsTable;
  exports: ExportsTable;
  data_quality_issues: DataQualityIssuesTable;
  data_quality_runs: DataQualityRunsTable;
};

export type Db = Kysely<Database>;
