import { randomUUID } from 'node:crypto';
import type { TokenPair } from '@claraverse/shared';
import { AppError, UnauthenticatedError } from '../platform/errors/app-error.js';
import { randomToken, sha256Hex } from '../platform/crypto/tokens.js';
import type { RefreshTokenRow } from '../platform/database/tables.js';
import type { AccessTokens } from './access-tokens.js';
import type { SessionsRepository } from './sessions.repository.js';

/** A spent refresh token came back: its family is revoked. Carries the owner for the audit trail (not sent). */
export class RefreshTokenReusedError extends AppError {
  constructor(readonly userId: string) {
    super('refresh_token_reused', 'This session was used from somewhere else and has been ended; sign in again');
  }
}

/**
 * Issues token pairs and rotates refresh tokens. A refresh token is opaque (256 random bits), stored as its
 * SHA-256, valid once: exchanging it marks it used and issues the next one of the same family. Presenting a
 * used token means it was stolen or replayed, so the whole family is revoked.
 */
export function createRefreshTokens(deps: {
  sessionsRepository: SessionsRepository;
  accessTokens: AccessTokens;
  refreshTtlSeconds: number;
  now: () => Date;
}) {
  async function issue(user: { id: string; role: 'user' | 'admin' }, familyId: string = randomUUID()): Promise<TokenPair> {
    const refreshToken = randomToken(32);
    const now = deps.now();
    await deps.sessionsRepository.insert({
      id: randomUUID(),
      user_id: user.id,
      family_id: familyId,
      token_hash: sha256Hex(refreshToken),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + deps.refreshTtlSeconds * 1000).toISOString(),
      used_at: null,
      revoked_at: null,
    });
    return { accessToken: await deps.accessTokens.sign(user.id, user.role), refreshToken, expiresIn: deps.accessTokens.ttlSeconds };
  }

  return {
    issue,

    /**
     * Spends `refreshToken` and returns the row it was stored as.
     * @throws AppError `refresh_token_reused` (family revoked) or UnauthenticatedError.
     */
    async spend(refreshToken: string): Promise<RefreshTokenRow> {
      const row = await deps.sessionsRepository.findByHash(sha256Hex(refreshToken));
      const nowIso = deps.now().toISOString();
      if (!row || row.revoked_at !== null) throw new UnauthenticatedError('Your session has ended; sign in again');
      if (row.used_at !== null || !(await deps.sessionsRepository.markUsed(row.id, nowIso))) {
        await deps.sessionsRepository.revokeFamily(row.family_id, nowIso);
        throw new RefreshTokenReusedError(row.user_id);
      }
      if (row.expires_at <= nowIso) throw new UnauthenticatedError('Your session has expired; sign in again');
      return row;
    },

    /** Revokes every refresh token of a user (password change, account disabled). */
    async revokeAllOfUser(userId: string): Promise<number> {
      return deps.sessionsRepository.revokeAllOfUser(userId, deps.now().toISOString());
    },

    /** Revokes the family of `refreshToken`; returns its row, if any. */
    async revoke(refreshToken: string): Promise<RefreshTokenRow | undefined> {
      const row = await deps.sessionsRepository.findByHash(sha256Hex(refreshToken));
      if (row) await deps.sessionsRepository.revokeFamily(row.family_id, deps.now().toISOString());
      return row;
    },
  };
}
export type RefreshTokens = ReturnType<typeof createRefreshTokens>;
