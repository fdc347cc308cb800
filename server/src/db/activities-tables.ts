import type { Generated } from 'kysely';
import type { Bool, Json, Timestamp } from './database';

/** Tables of follow-ups, tasks and interactions (PRODUCT.md M4, M7); part of `Database` in database.ts. */
export type FollowupsTable = {
  id: string;
  tenant_id: string;
  customer_id: string;
  contact_id: string | null;
  followed_at: Timestamp;
  method: string;
  follower_id: string;
  content: string;
  feedback: string | null;
  next_action: string | null;
  next_follow_up_at: Timestamp | null;
  task_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TasksTable = {
  id: string;
  tenant_id: string;
  subject: string;
  type: string;
  description: string | null;
  due_at: Timestamp;
  assignee_id: string;
  customer_id: string | null;
  contact_id: string | null;
  priority: string;
  status: string;
  remind_offset_minutes: number | null;
  remind_at: Timestamp | null;
  reminded_at: Timestamp | null;
  done_at: Timestamp | null;
  on_time: Bool | null;
  source: string;
  followup_id: string | null;
  series_id: string | null;
  occurrence_at: Timestamp | null;
  sop_key: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TaskSeriesTable = {
  id: string;
  tenant_id: string;
  subject: string;
  type: string;
  description: string | null;
  assignee_id: string;
  customer_id: string | null;
  contact_id: string | null;
  priority: string;
  remind_offset_minutes: number | null;
  rule: Json;
  starts_on: string;
  ends_on: string | null;
  active: Bool;
  created_by: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type InteractionsTable = {
  id: string;
  tenant_id: string;
  customer_id: string;
  contact_id: string | null;
  kind: string;
  direction: string | null;
  occurred_at: Timestamp;
  user_id: string;
  subject: string | null;
  content: string | null;
  duration_seconds: number | null;
  problem_type: string | null;
  result: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};
