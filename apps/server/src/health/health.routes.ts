import { healthResponseSchema } from '@claraverse/shared';
import type { FastifyInstance } from 'fastify';

import { safeEqual } from '../platform/crypto/tokens.js';
import type { DatabaseHandle } from '../platform/database/database.js';
import { UnauthenticatedError } from '../platform/errors/app-error.js';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { Metrics } from '../platform/metrics/metrics.js';

/** `GET /health`: liveness and the database; 503 when the database does not answer. */
export function healthRoutes(deps: { database: DatabaseHandle; version: string; startedAt: number }): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET', url: '/health', summary: 'Liveness and dependencies', tags: ['system'], auth: 'public',
      responses: { 200: healthResponseSchema, 503: healthResponseSchema },
      handler: async ({ reply }) => {
        const isDatabaseUp = await deps.database.ping().then(() => true, () => false);
        if (!isDatabaseUp) reply.status(503);
        return {
          status: isDatabaseUp ? 'ok' : 'degraded',
          version: deps.version,
          database: { status: isDatabaseUp ? 'ok' : 'down', dialect: deps.database.dialect },
          uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
        };
      },
    }),
  ];
}

/** `GET /metrics` (Prometheus text) and `GET /api/docs` (OpenAPI). Not part of the OpenAPI document. */
export function registerSystemEndpoints(app: FastifyInstance, deps: { metrics: Metrics; metricsToken: string | null; openApiDocument: () => unknown }): void {
  app.get('/metrics', async (request, reply) => {
    if (deps.metricsToken) {
      const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!safeEqual(presented, deps.metricsToken)) throw new UnauthenticatedError('Send the metrics token as a bearer token');
    }
    void reply.header('content-type', deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
  let document: unknown = null;
  app.get('/api/docs', async () => (document ??= deps.openApiDocument()));
  app.get('/api/docs/openapi.json', async () => (document ??= deps.openApiDocument()));
}

