import { sql } from 'kysely';
import type { Db } from '../../db/database';

const RUN_COLUMNS = ['id', 'type', 'file_name', 'format', 'status', 'total', 'processed', 'created_by', 'created_at', 'finished_at', 'error'] as const;

/**
 * The tenant's imports and exports as one list, newest first: both run on their own leased runners (decision 024),
 * and the Jobs page shows them beside the queue. Read-only: starting, cancelling and downloading stay with their
 * features' endpoints.
 */
export async function pageTransferRuns(db: Db, tenantId: string, q: { kind?: 'import' | 'export'; limit: number; offset: number }) {
  const imports = db.selectFrom('imports').where('tenant_id', '=', tenantId).select(sql<string>`'import'`.as('kind')).select(RUN_COLUMNS);
  const exports = db.selectFrom('exports').where('tenant_id', '=', tenantId).select(sql<string>`'export'`.as('kind')).select(RUN_COLUMNS);
  // The two selects give the same row shape; only their source tables differ in the builder's type.
  const runs = q.kind === 'import' ? imports : q.kind === 'export' ? (exports as unknown as typeof imports) : imports.unionAll(exports);
  const [rows, count] = await Promise.all([
    db.selectFrom(runs.as('r')).leftJoin('users', 'users.id', 'r.created_by').selectAll('r').select('users.name as created_by_name')
      .orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    db.selectFrom(runs.as('r')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
