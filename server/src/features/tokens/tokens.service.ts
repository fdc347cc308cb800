import type { TApiToken, TCreateApiTokenRequest, TCreatedApiToken } from '@guanxi/common/tokens';
import { readTimestamp } from '../../db/dialect';
import { findActiveActor, type Actor } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { randomToken } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { hmac } from '../../lib/secret';
import type { RequestInfo } from '../auth/auth.service';
import { findToken, findTokenByHash, insertToken, listTokens, markTokenUsed, revokeToken, type TokenRow } from './tokens.repository';

function toApiToken(row: TokenRow): TApiToken {
  return {
    id: row.id, name: row.name, prefix: row.prefix, userId: row.user_id,
    createdAt: readTimestamp(row.created_at), lastUsedAt: readTimestamp(row.last_used_at, true),
    expiresAt: readTimestamp(row.expires_at, true), revokedAt: readTimestamp(row.revoked_at, true),
  };
}

/**
 * Creates an API token for the actor. The token acts as its user, with the user's role and data scope; the
 * secret is returned once and only its HMAC is stored.
 */
export async function createToken(deps: AppDeps, actor: Actor, input: TCreateApiTokenRequest): Promise<TCreatedApiToken> {
  assertSignedInPerson(actor);
  const now = deps.clock.now();
  if (input.expiresAt && new Date(input.expiresAt).getTime() <= now.getTime()) {
    throw AppError.invalid('expiresAt', 'min_value', { min: now.toISOString() });
  }
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const token = `gx_${prefix}_${randomToken(32)}`;
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await insertToken(trx, {
      id, tenant_id: actor.tenantId, user_id: actor.userId, name: input.name, token_hash: hmac(deps.secret, token),
      prefix, created_at: now.toISOString(), expires_at: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
    });
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'api_token', entityId: id, action: 'create', after: { name: input.name, prefix } });
  });
  const row = await findToken(deps.db, actor.tenantId, actor.userId, id);
  return { ...toApiToken(row!), token };
}

/**
 * Tokens are managed by a person signed in to the app (or the CLI), never by another token: a leaked token must
 * not be able to mint long-lived successors that outlive its revocation.
 */
function assertSignedInPerson(actor: Actor) {
  if (actor.via === 'token') throw new AppError('FORBIDDEN');
}

export async function listOwnTokens(deps: AppDeps, actor: Actor): Promise<TApiToken[]> {
  assertSignedInPerson(actor);
  return (await listTokens(deps.db, actor.tenantId, actor.userId)).map(toApiToken);
}

export async function revokeOwnToken(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  assertSignedInPerson(actor);
  const row = await findToken(deps.db, actor.tenantId, actor.userId, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.revoked_at) return;
  await deps.db.transaction().execute(async (trx) => {
    await revokeToken(trx, actor.tenantId, id, deps.clock.now().toISOString());
    await recordAudit({ ...deps, db: trx }, actor, { entity: 'api_token', entityId: id, action: 'revoke', changes: [{ field: 'revokedAt', from: null, to: deps.clock.now().toISOString() }] });
  });
}

/** Resolves a bearer token to its user's actor; null when unknown, revoked, expired or the user is inactive. */
export async function actorFromToken(deps: AppDeps, token: string, info: RequestInfo): Promise<Actor | null> {
  const row = await findTokenByHash(deps.db, hmac(deps.secret, token));
  if (!row || row.revoked_at) return null;
  const now = deps.clock.now();
  if (row.expires_at && new Date(readTimestamp(row.expires_at)).getTime() <= now.getTime()) return null;
  const actor = await findActiveActor(deps.db, { userId: row.user_id, tenantId: row.tenant_id }, { ...info, via: 'token' });
  if (!actor) return null;
  const last = row.last_used_at ? new Date(readTimestamp(row.last_used_at)).getTime() : 0;
  if (now.getTime() - last > 60_000) await markTokenUsed(deps.db, row.id, now.toISOString());
  return actor;
}
