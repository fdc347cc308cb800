import type { Insertable } from 'kysely';
import type { Db, ExportsTable } from '../../db/database';
import { scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';

// An export belongs to whoever asked for it; the data scope over `created_by` decides who else sees it.
const EXPORT_SCOPE = { owner: 'exports.created_by' } as const;

export function insertExport(db: Db, row: Insertable<ExportsTable>) {
  return db.insertInto('exports').values(row).execute();
}

export function findExport(db: Db, actor: Actor, id: string) {
  return db.selectFrom('exports').selectAll().where('tenant_id', '=', actor.tenantId).where(scopeFilter(actor, EXPORT_SCOPE))
    .where('id', '=', id).executeTakeFirst();
}
export type ExportRow = NonNullable<Awaited<ReturnType<typeof findExport>>>;

export function findExportById(db: Db, id: string) {
  return db.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The actor's own exports, newest first. */
export async function pageExports(db: Db, actor: Actor, page: { limit: number; offset: number }) {
  const base = db.selectFrom('exports').where('tenant_id', '=', actor.tenantId).where('created_by', '=', actor.userId);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
