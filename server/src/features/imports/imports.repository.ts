import type { Insertable } from 'kysely';
import type { Db, ImportsTable } from '../../db/database';
import { scopeFilter } from '../../lib/access';
import type { Actor } from '../../lib/actor';

const COLUMNS = [
  'imports.id', 'imports.tenant_id', 'imports.type', 'imports.status', 'imports.file_name', 'imports.file_size', 'imports.storage_key',
  'imports.format', 'imports.encoding', 'imports.delimiter', 'imports.header_row', 'imports.headers', 'imports.mapping', 'imports.defaults',
  'imports.duplicate_policy', 'imports.total', 'imports.processed', 'imports.created', 'imports.updated', 'imports.skipped',
  'imports.failed', 'imports.run_started_at', 'imports.run_start_processed', 'imports.lease_owner', 'imports.lease_until',
  'imports.error', 'imports.locale', 'imports.created_by', 'imports.created_at', 'imports.started_at', 'imports.finished_at',
  'imports.updated_at',
] as const;

function selectImports(db: Db) {
  return db.selectFrom('imports').leftJoin('users', 'users.id', 'imports.created_by').select(COLUMNS).select('users.name as created_by_name');
}
export type ImportRow = Awaited<ReturnType<ReturnType<typeof selectImports>['executeTakeFirstOrThrow']>>;

export function insertImport(db: Db, row: Insertable<ImportsTable>) {
  return db.insertInto('imports').values(row).execute();
}

/** Whose import it is decides who sees it: the data scope over `created_by`, like any owned record. */
const IMPORT_SCOPE = { owner: 'imports.created_by' } as const;

/** An import of the actor's tenant within the actor's data scope. */
export function findImport(db: Db, actor: Actor, id: string) {
  return selectImports(db).where('imports.tenant_id', '=', actor.tenantId).where(scopeFilter(actor, IMPORT_SCOPE)).where('imports.id', '=', id).executeTakeFirst();
}

export function findImportById(db: Db, id: string) {
  return selectImports(db).where('imports.id', '=', id).executeTakeFirst();
}

export async function pageImports(db: Db, actor: Actor, page: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    selectImports(db).where('imports.tenant_id', '=', actor.tenantId).where(scopeFilter(actor, IMPORT_SCOPE)).orderBy('imports.created_at', 'desc').orderBy('imports.id', 'desc')
      .limit(page.limit).offset(page.offset).execute(),
    db.selectFrom('imports').select((eb) => eb.fn.countAll<number>().as('n')).where('imports.tenant_id', '=', actor.tenantId)
      .where(scopeFilter(actor, IMPORT_SCOPE)).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function rememberedMapping(db: Db, tenantId: string, type: string) {
  return db.selectFrom('import_mappings').select(['header', 'field']).where('tenant_id', '=', tenantId).where('type', '=', type).execute();
}

export async function rememberMapping(db: Db, tenantId: string, type: string, pairs: Array<{ header: string; field: string }>, now: string) {
  if (pairs.length === 0) return;
  await db.insertInto('import_mappings')
    .values(pairs.map((p) => ({ tenant_id: tenantId, type, header: p.header, field: p.field, updated_at: now })))
    .onConflict((oc) => oc.columns(['tenant_id', 'type', 'header']).doUpdateSet((eb) => ({ field: eb.ref('excluded.field'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

/** One page of an import's failed rows in file order, after `afterRow` (keyset: the report streams in pages). */
export function errorRowsAfter(db: Db, importId: string, afterRow: number, limit: number) {
  return db.selectFrom('import_errors').select(['row_no', 'cells', 'reasons']).where('import_id', '=', importId).where('row_no', '>', afterRow)
    .orderBy('row_no').limit(limit).execute();
}
