import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../../db/database';
import { readTimestamp, type DialectName } from '../../db/dialect';
import type { Clock } from '../../lib/clock';
import { notify } from '../../lib/notify';

type JobDeps = { db: Db; dialect: DialectName; clock: Clock };
const BATCH = 200;

/**
 * The `task-reminders` job: fires every due reminder of an open task exactly once. Each reminder is claimed and its
 * notification written in one transaction (`set reminded_at … where reminded_at is null`): a second process, a
 * re-run or a restart after a crash finds it claimed, and a crash before the commit leaves it unclaimed and without a
 * notice (docs/decisions/017).
 */
export async function runTaskReminders(deps: JobDeps, now = deps.clock.now()): Promise<{ fired: number }> {
  const at = now.toISOString();
  let fired = 0;
  let after = '';
  for (;;) {
    const due = await deps.db.selectFrom('tasks')
      .leftJoin('customers', (j) => j.onRef('customers.id', '=', 'tasks.customer_id').onRef('customers.tenant_id', '=', 'tasks.tenant_id'))
      .select(['tasks.id', 'tasks.tenant_id', 'tasks.assignee_id', 'tasks.subject', 'tasks.due_at', 'tasks.customer_id', 'customers.name as customer_name'])
      .where('tasks.reminded_at', 'is', null).where('tasks.status', '=', 'open').where('tasks.remind_at', '<=', at).where('tasks.id', '>', after)
      // No reminders about customers in the recycle bin (restoring one brings its reminders back).
      .where((eb) => eb.or([eb('tasks.customer_id', 'is', null), eb('customers.deleted_at', 'is', null)]))
      .orderBy('tasks.id').limit(BATCH).execute();
    for (const t of due) {
      const claimed = await deps.db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('tasks').set({ reminded_at: at })
          .where('id', '=', t.id).where('tenant_id', '=', t.tenant_id).where('reminded_at', 'is', null).where('status', '=', 'open').executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return false;
        await notify({ ...deps, db: trx }, t.tenant_id, [t.assignee_id], 'task.reminder', {
          taskId: t.id, subject: t.subject, dueAt: readTimestamp(t.due_at), customerId: t.customer_id, customerName: t.customer_name ?? null,
        });
        return true;
      });
      if (claimed) fired++;
    }
    if (due.length < BATCH) break;
    // Between batches, let HTTP requests in (SQLite answers in microtasks: without this the loop is starved).
    await yieldToLoop();
    after = due[due.length - 1]!.id;
  }
  return { fired };
}
