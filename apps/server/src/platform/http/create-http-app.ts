import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Config } from '../../config/config.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { errorBody, handleError } from './error-handler.js';

/** Helmet, as the `@fastify/helmet` plugin this server depends on loads it (the plugin is only its Fastify wrapper). */
const helmet = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'))('helmet') as (options: object) =>
  (request: IncomingMessage, response: ServerResponse, next: (error?: Error) => void) => void;

/** Paths that belong to the API and never fall back to the web app. */
const apiPrefixes = ['/api/', '/ws/', '/v1/', '/mcp', '/health', '/metrics'];

/** The Content-Security-Policy the built web app is written to pass. */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Fastify's request logging, one line per request instead of two: nothing when a request arrives (a log write
 * there sits between the request and the handler, e.g. before a streamed reply's first token), and the request
 * (method, redacted URL) added to the line written when it is over. Error lines are Fastify's own.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error || this.isLogDisabled(request)) {
      super.requestCompleted(error, request, reply);
      return;
    }
    reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/**
 * Helmet's security headers, worked out once. None of our directives depends on the request (no nonces), so the
 * headers are the same on every response; running helmet's middleware per request re-serialised the CSP each
 * time (@fastify/helmet even rebuilt the middleware), which sat before every handler.
 */
export function staticSecurityHeaders(config: Config): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader: (name: string, value: string) => void headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  let isDone = false;
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    crossOriginEmbedderPolicy: false,
    hsts: config.env === 'production',
  })({} as never, recorder as never, () => (isDone = true));
  if (!isDone || headers.length === 0) throw new Error('helmet did not set its headers synchronously');
  return headers;
}

/**
 * The request id header, the security headers and the duration metric. Callback hooks, not async ones:
 * each async hook costs every request a promise and a microtask turn.
 */
function addRequestHooks(app: FastifyInstance, config: Config, metrics: Metrics): void {
  const securityHeaders = staticSecurityHeaders(config);
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    // On the raw response, so replies written directly (hijacked streams) carry them too.
    for (const [name, value] of securityHeaders) reply.raw.setHeader(name, value);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    metrics.httpRequestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}

/**
 * Builds the Fastify instance with everything that knows no domain: request ids, logging, the error
 * envelope, body limit, security headers, CORS, cookies, rate limits, WebSocket support, metrics and the
 * web app with SPA fallback. Domains mount their routes on it afterwards.
 */
export async function createHttpApp(options: {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /** Runs when the server starts closing, before it waits for connections (closes WebSockets). */
  preClose: () => Promise<void>;
}): Promise<FastifyInstance> {
  const { config, logger, metrics } = options;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    requestIdHeader: false,
    logController: new OneLinePerRequest(),
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
  });

  app.setErrorHandler(handleError);
  addRequestHooks(app, config, metrics);
  const allowedOrigins = new Set(config.http.allowedOrigins);
  await app.register(fastifyCors, {
    origin: (origin, callback) => callback(null, origin === undefined || allowedOrigins.has(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: config.rateLimit.enabled,
    max: config.rateLimit.globalPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => !config.rateLimit.enabled || !request.url.startsWith('/api/'),
    errorResponseBuilder: (request, context) => ({
      ...errorBody('rate_limited', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`, request.id),
      statusCode: 429,
    }),
  });
  await app.register(fastifyWebsocket, {
    options: { maxPayload: config.realtime.maxMessageBytes },
    preClose: (done) => {
      options.preClose().then(() => done(), done);
    },
  });

  const hasWebApp = existsSync(join(config.paths.webDistDir, 'index.html'));
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: config.paths.webDistDir,
      wildcard: false,
      index: false,
      setHeaders: (reply, path) => {
        // Vite puts content-hashed files under assets/: they never change, everything else must revalidate.
        void reply.header('cache-control', path.includes(join('assets', '')) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = apiPrefixes.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix));
    if (hasWebApp && !isApi && request.method === 'GET') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('not_found', `No route for ${request.method} ${path}`, request.id));
  });
  return app;
}
