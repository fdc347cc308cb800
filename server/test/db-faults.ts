import { sql } from 'kysely';
import type { TestApp } from './test-app';

/** Makes the database refuse one tenant's timeline events of a type (a failure in the middle of a transaction). */
export async function failTimelineInserts(t: TestApp, tenantId: string, type: string) {
  const name = `fail_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  if (t.dialect === 'sqlite') {
    await sql.raw(`create trigger ${name} before insert on timeline_events when new.tenant_id = '${tenantId}' and new.type = '${type}'
      begin select raise(abort, 'simulated failure'); end`).execute(t.deps.db);
    return { drop: () => sql.raw(`drop trigger ${name}`).execute(t.deps.db) };
  }
  await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin
      if new.tenant_id = '${tenantId}' and new.type = '${type}' then raise exception 'simulated failure'; end if; return new; end $$`).execute(t.deps.db);
  await sql.raw(`create trigger ${name} before insert on timeline_events for each row execute function ${name}()`).execute(t.deps.db);
  return {
    drop: async () => {
      await sql.raw(`drop trigger ${name} on timeline_events`).execute(t.deps.db);
      await sql.raw(`drop function ${name}()`).execute(t.deps.db);
    },
  };
}
