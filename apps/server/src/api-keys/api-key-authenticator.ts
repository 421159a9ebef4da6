import type { ApiKeyScope } from '@claraverse/shared';
import type { FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../platform/errors/app-error.js';
import type { AuthenticatedUser } from '../platform/http/define-route.js';
import type { ApiKeysService } from './api-keys.service.js';

/** The key a request presents: `Authorization: Bearer clv_…` (what OpenAI clients send) or `X-API-Key`. */
export function presentedApiKey(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header.trim();
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** Resolves a request's API key with `scope` to its owner. @throws UnauthenticatedError, ForbiddenError, RateLimitedError */
export function createApiKeyAuthenticator(apiKeysService: ApiKeysService) {
  return async (request: FastifyRequest, scope: string): Promise<AuthenticatedUser> => {
    const presented = presentedApiKey(request);
    if (!presented) throw new UnauthenticatedError('Send a personal API key as "Authorization: Bearer clv_…"');
    const caller = await apiKeysService.authenticate(presented, scope as ApiKeyScope);
    return { id: caller.userId, email: caller.email, role: caller.role };
  };
}
