import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * Keyword search over customers.search_text (docs/decisions/008-customer-search.md).
 * SQLite: an FTS5 trigram table kept in sync by triggers. PostgreSQL: a pg_trgm GIN index.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index customers_search_trgm_idx on customers using gin (search_text gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`create virtual table customers_fts using fts5(search_text, customer_id unindexed, tenant_id unindexed, tokenize = 'trigram')`.execute(db);
  await sql`create table customers_fts_map (customer_id text primary key, fts_rowid integer not null)`.execute(db);
  await sql`create trigger customers_fts_ai after insert on customers begin
      insert into customers_fts (search_text, customer_id, tenant_id) values (new.search_text, new.id, new.tenant_id);
      insert into customers_fts_map (customer_id, fts_rowid) values (new.id, last_insert_rowid());
    end`.execute(db);
  await sql`create trigger customers_fts_au after update of search_text on customers begin
      update customers_fts set search_text = new.search_text
        where rowid = (select fts_rowid from customers_fts_map where customer_id = new.id);
    end`.execute(db);
  await sql`create trigger customers_fts_ad after delete on customers begin
      delete from customers_fts where rowid = (select fts_rowid from customers_fts_map where customer_id = old.id);
      delete from customers_fts_map where customer_id = old.id;
    end`.execute(db);
}

export async function down(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`drop index if exists customers_search_trgm_idx`.execute(db);
    return;
  }
  await sql`drop trigger if exists customers_fts_ai`.execute(db);
  await sql`drop trigger if exists customers_fts_au`.execute(db);
  await sql`drop trigger if exists customers_fts_ad`.execute(db);
  await sql`drop table if exists customers_fts_map`.execute(db);
  await sql`drop table if exists customers_fts`.execute(db);
}
