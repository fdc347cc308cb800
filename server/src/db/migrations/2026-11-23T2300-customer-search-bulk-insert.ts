import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * SQLite: lets a batch of imported customers write its keyword-index rows in one statement (docs/performance.md,
 * "Imports and exports"). The insert trigger wrote one FTS5 row per customer, and FTS5 flushes its pending terms at
 * every statement savepoint, so each customer became its own index segment: ~275 µs a row, most of an import's time.
 * The trigger now stands aside while `customers_fts_bulk` has a row — which only a batch's own transaction ever
 * sees (SQLite has one writer), and which it removes before committing (`endSearchIndexBulk`). PostgreSQL: nothing.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') return;
  await sql`create table customers_fts_bulk (active integer not null)`.execute(db);
  await sql`drop trigger customers_fts_ai`.execute(db);
  await sql`create trigger customers_fts_ai after insert on customers when not exists (select 1 from customers_fts_bulk) begin
      insert into customers_fts (search_text, customer_id, tenant_id) values (new.search_text, new.id, new.tenant_id);
      insert into customers_fts_map (customer_id, fts_rowid) values (new.id, last_insert_rowid());
    end`.execute(db);
}

export async function down(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') return;
  await sql`drop trigger if exists customers_fts_ai`.execute(db);
  await sql`create trigger customers_fts_ai after insert on customers begin
      insert into customers_fts (search_text, customer_id, tenant_id) values (new.search_text, new.id, new.tenant_id);
      insert into customers_fts_map (customer_id, fts_rowid) values (new.id, last_insert_rowid());
    end`.execute(db);
  await sql`drop table if exists customers_fts_bulk`.execute(db);
}
