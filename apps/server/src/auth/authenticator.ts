import type { FastifyRequest } from 'fastify';
import { AppError, UnauthenticatedError } from '../platform/errors/app-error.js';
import type { AuthenticatedUser } from '../platform/http/define-route.js';
import type { Authenticator } from '../platform/http/mount-routes.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { AccessTokens } from './access-tokens.js';

/** Reads the bearer token of `Authorization` (never a query parameter: URLs end up in logs and history). */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new UnauthenticatedError('Send the access token as "Authorization: Bearer <token>"');
  return match[1];
}

/**
 * Resolves an access token to an active user. The user row is read on every request so that a disabled
 * account, a deleted one or a password change takes effect at once, not when the token expires.
 */
export function createAuthenticator(deps: { accessTokens: AccessTokens; usersRepository: UsersRepository }) {
  async function userForToken(token: string): Promise<AuthenticatedUser> {
    const claims = await deps.accessTokens.verify(token);
    const user = await deps.usersRepository.findById(claims.userId);
    if (!user) throw new UnauthenticatedError('This account no longer exists');
    if (user.status === 'disabled') throw new AppError('account_disabled', 'Your account has been disabled; contact an administrator');
    if (user.status === 'pending') throw new AppError('account_pending', 'Your account is waiting for an administrator to approve it');
    if (user.sessions_revoked_at && claims.issuedAt * 1000 < Date.parse(user.sessions_revoked_at)) {
      throw new UnauthenticatedError('This session was ended; sign in again');
    }
    return { id: user.id, email: user.email, role: user.role };
  }

  const authenticator: Omit<Authenticator, 'authenticateApiKey'> & { userForToken: typeof userForToken } = {
    userForToken,
    async authenticate(request) {
      const token = bearerToken(request);
      if (!token) throw new UnauthenticatedError();
      return userForToken(token);
    },
    async authenticateOptional(request) {
      const token = bearerToken(request);
      // A personal API key (`Bearer clv_…`) is no session: public routes that take keys (triggers) check it themselves.
      return token && !token.startsWith('clv_') ? userForToken(token) : null;
    },
  };
  return authenticator;
}
