import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../errors/app-error.js';
import type { AuthenticatedUser, RouteSpec } from './define-route.js';
import { parseInput } from './validate.js';

/** Resolves the caller of a request; throws UnauthenticatedError when it cannot. */
export interface Authenticator {
  authenticate(request: FastifyRequest): Promise<AuthenticatedUser>;
  /** Like authenticate, but null when no credentials were sent. */
  authenticateOptional(request: FastifyRequest): Promise<AuthenticatedUser | null>;
  /** Resolves a personal API key (`Authorization: Bearer clv_…` or `X-API-Key`) that has `scope`. */
  authenticateApiKey(request: FastifyRequest, scope: string): Promise<AuthenticatedUser>;
}

export interface MountOptions {
  authenticator: Authenticator;
  /** Parse every response with its schema (development and tests) to catch contract drift. */
  validateResponses: boolean;
  /** Apply per-route rate limits. */
  rateLimitEnabled: boolean;
}

/** Registers route specs on Fastify: auth → input parsing → handler → (optional) response check. */
export function mountRoutes(app: FastifyInstance, routes: RouteSpec[], options: MountOptions): void {
  const preflightUrls = new Set<string>();
  for (const spec of routes) {
    const defaultStatus = Number(Object.keys(spec.responses)[0] ?? 200);
    // The CORS plugin reads a route's `config.cors`; the preflight needs a route of its own to carry it.
    const anyOrigin = { cors: { origin: '*', credentials: false } };
    const cors = spec.corsAnyOrigin ? anyOrigin : {};
    if (spec.corsAnyOrigin && !preflightUrls.has(spec.url)) {
      preflightUrls.add(spec.url);
      app.route({ method: 'OPTIONS', url: spec.url, config: anyOrigin, handler: (_request, reply) => reply.status(204).send() });
    }
    app.route({
      method: spec.method,
      url: spec.url,
      config: {
        ...(spec.rateLimitPerMinute && options.rateLimitEnabled ? { rateLimit: { max: spec.rateLimitPerMinute, timeWindow: '1 minute' } } : {}),
        ...cors,
      },
      handler: async (request, reply) => {
        const user =
          spec.auth === 'public'
            ? await options.authenticator.authenticateOptional(request)
            : spec.auth === 'api-key'
              ? await options.authenticator.authenticateApiKey(request, spec.apiKeyScope ?? '*')
              : await options.authenticator.authenticate(request);
        if (spec.auth === 'admin' && user?.role !== 'admin') throw new ForbiddenError('Only administrators can do this');
        const body = spec.body ? parseInput(spec.body, request.body ?? {}, 'body') : undefined;
        const query = spec.query ? parseInput(spec.query, request.query ?? {}, 'query') : undefined;
        const params = spec.params ? parseInput(spec.params, request.params ?? {}, 'parameters') : undefined;
        reply.status(defaultStatus);
        const result = await spec.handler({ body, query, params, user, request, reply } as never);
        if (reply.sent) return reply;
        const schema = spec.responses[reply.statusCode];
        if (schema === null || reply.statusCode === 204) return reply.send();
        if (options.validateResponses && schema) {
          const checked = schema.safeParse(result);
          if (!checked.success) {
            throw new Error(`Response of ${spec.method} ${spec.url} breaks its contract: ${checked.error.message}`);
          }
        }
        return result;
      },
    });
  }
}
