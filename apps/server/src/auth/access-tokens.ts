import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError } from '../platform/errors/app-error.js';

const issuer = 'claraverse';
const audience = 'claraverse-api';

export interface AccessTokenClaims {
  userId: string;
  role: 'user' | 'admin';
  /** Issued-at, seconds since the epoch. */
  issuedAt: number;
}

/** Signs and verifies HS256 access JWTs carrying `typ: "access"`. */
export function createAccessTokens(options: { secret: string; ttlSeconds: number; now: () => Date }) {
  const key = new TextEncoder().encode(options.secret);
  return {
    ttlSeconds: options.ttlSeconds,

    async sign(userId: string, role: 'user' | 'admin'): Promise<string> {
      const issuedAt = Math.floor(options.now().getTime() / 1000);
      return new SignJWT({ role, typ: 'access' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + options.ttlSeconds)
        .sign(key);
    },

    /** @throws UnauthenticatedError (`token_expired` when only the lifetime is over). */
    async verify(token: string): Promise<AccessTokenClaims> {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer,
          audience,
          currentDate: options.now(),
        });
        if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.iat !== 'number') {
          throw new UnauthenticatedError('This is not an access token');
        }
        const role = payload.role === 'admin' ? 'admin' : 'user';
        return { userId: payload.sub, role, issuedAt: payload.iat };
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) {
          throw new UnauthenticatedError('Your session has expired; refresh it or sign in again', 'token_expired');
        }
        if (error instanceof UnauthenticatedError) throw error;
        throw new UnauthenticatedError('The access token is invalid; sign in again');
      }
    },
  };
}
export type AccessTokens = ReturnType<typeof createAccessTokens>;
