import type { Insertable } from 'kysely';
import type { ApiTokensTable, Db } from '../../db/database';

const COLUMNS = ['id', 'name', 'prefix', 'user_id', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'] as const;

export async function insertToken(db: Db, row: Insertable<ApiTokensTable>): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export function listTokens(db: Db, tenantId: string, userId: string) {
  return db.selectFrom('api_tokens').select(COLUMNS)
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
}
export type TokenRow = Awaited<ReturnType<typeof listTokens>>[number];

export function findToken(db: Db, tenantId: string, userId: string, id: string) {
  return db.selectFrom('api_tokens').select(COLUMNS)
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
}

export function findTokenByHash(db: Db, hash: string) {
  return db.selectFrom('api_tokens').select(['id', 'tenant_id', 'user_id', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', hash).executeTakeFirst();
}

export async function revokeToken(db: Db, tenantId: string, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function markTokenUsed(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
