import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiErrorSchema } from '@claraverse/shared';
import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin } from '../../test/factories.js';
import { contentSecurityPolicy } from './create-http-app.js';

let app: TestApp;
const webDir = join(tmpdir(), `claraverse-web-${process.pid}-${Date.now()}`);

beforeAll(async () => {
  mkdirSync(join(webDir, 'assets'), { recursive: true });
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>ClaraVerse test shell</title>');
  writeFileSync(join(webDir, 'assets', 'app-abc123.js'), 'console.log("hi")');
  app = await createTestApp({ env: { WEB_DIST_DIR: webDir, ALLOWED_ORIGINS: 'https://allowed.example', BODY_LIMIT_BYTES: '2048' } });
});
afterAll(() => app.close());

const envelope = (body: string) => apiErrorSchema.parse(JSON.parse(body)).error;

describe('error envelope', () => {
  it('answers an unknown API route with 404 in the envelope, carrying the request id', async () => {
    const response = await app.http.inject({ url: '/api/nothing-here', headers: { 'x-request-id': 'client-req-12345' } });
    expect(response.statusCode).toBe(404);
    expect(envelope(response.body)).toEqual({ code: 'not_found', message: 'No route for GET /api/nothing-here', requestId: 'client-req-12345' });
    expect(response.headers['x-request-id']).toBe('client-req-12345');
  });

  it('replaces an unsafe incoming request id with its own', async () => {
    const response = await app.http.inject({ url: '/api/nothing', headers: { 'x-request-id': 'bad id with spaces <script>' } });
    expect(envelope(response.body).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['malformed JSON', '{"email": ', 'application/json', 400, 'validation_failed'],
    ['a JSON array', '[1,2,3]', 'application/json', 400, 'validation_failed'],
    ['a body over the limit', JSON.stringify({ email: 'x'.repeat(5000) }), 'application/json', 413, 'payload_too_large'],
    ['form data', 'email=a&password=b', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
  ])('turns %s into a 4xx with the envelope and no stack trace', async (_label, payload, contentType, status, code) => {
    const response = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': contentType } });
    expect(response.statusCode).toBe(status);
    expect(envelope(response.body).code).toBe(code);
    expect(response.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers an unexpected failure with internal, hiding the cause', async () => {
    await app.database.db.schema.dropTable('settings').execute();
    try {
      const response = await app.http.inject('/api/auth/status');
      expect(response.statusCode).toBe(500);
      const error = envelope(response.body);
      expect(error.code).toBe('internal');
      expect(error.message).not.toContain('settings');
      expect(app.logLines.some((line) => line.includes('unhandled error') && line.includes(error.requestId))).toBe(true);
    } finally {
      await app.database.db.schema
        .createTable('settings')
        .addColumn('key', 'text', (column) => column.primaryKey())
        .addColumn('value', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('updated_by', 'text')
        .execute();
    }
  });
});

describe('security headers and CORS', () => {
  it('sends a CSP and the usual hardening headers', async () => {
    const response = await app.http.inject('/health');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('sends exactly the headers of the @fastify/helmet plugin with the same options', async () => {
    const reference = Fastify();
    await reference.register(fastifyHelmet, { contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy }, crossOriginEmbedderPolicy: false, hsts: false });
    reference.get('/health', () => ({ status: 'ok' }));
    try {
      const expected = (await reference.inject('/health')).headers;
      const actual = (await app.http.inject('/health')).headers;
      const helmetHeaders = Object.keys(expected).filter((name) => !['date', 'connection', 'keep-alive', 'content-type', 'content-length'].includes(name));
      expect(helmetHeaders.length).toBeGreaterThan(8);
      for (const name of helmetHeaders) expect(actual[name], name).toBe(expected[name]);
    } finally {
      await reference.close();
    }
  });

  it('allows configured origins and refuses others', async () => {
    const allowed = await app.http.inject({ method: 'OPTIONS', url: '/api/auth/status', headers: { origin: 'https://allowed.example', 'access-control-request-method': 'GET' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://allowed.example');
    const refused = await app.http.inject({ method: 'OPTIONS', url: '/api/auth/status', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('system endpoints', () => {
  it('GET /health reports status, version, database and uptime', async () => {
    const response = await app.http.inject('/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), database: { status: 'ok', dialect: app.database.dialect }, uptimeSeconds: expect.any(Number) });
  });

  it('GET /metrics exposes Prometheus metrics including request durations by route pattern', async () => {
    await app.http.inject('/health');
    const response = await app.http.inject('/metrics');
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('claraverse_http_request_duration_seconds_bucket');
    expect(response.body).toContain('route="/health"');
    expect(response.body).toContain('claraverse_process_cpu_seconds_total');
  });

  it('GET /api/docs is an OpenAPI document of every route with schemas from the contracts', async () => {
    const document = (await app.http.inject('/api/docs')).json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>> }>();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/admin/users/{id}/approve', '/health']));
    const registerBody = document.paths['/api/auth/register']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(registerBody?.properties ?? {})).toEqual(['email', 'password', 'name']);
  });
});

describe('request log', () => {
  it('writes one line per request once it is over: method, redacted URL, status, time and request id', async () => {
    const requestId = 'log-line-check-0001';
    await app.http.inject({ url: '/api/auth/status?token=very-secret-value', headers: { 'x-request-id': requestId } });
    const lines = app.logLines.filter((line) => line.includes(requestId)).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({
      msg: 'request completed', reqId: requestId, req: { method: 'GET', url: '/api/auth/status?token=[redacted]', requestId }, res: { statusCode: 200 }, responseTime: expect.any(Number),
    })]);
  });
});

describe('web app', () => {
  it('serves index.html at / and for client-side routes, but not for API paths', async () => {
    for (const path of ['/', '/settings/profile', '/admin/users?page=2']) {
      const response = await app.http.inject(path);
      expect(response.statusCode, path).toBe(200);
      expect(response.body).toContain('ClaraVerse test shell');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    expect((await app.http.inject('/api/unknown')).statusCode).toBe(404);
    expect((await app.http.inject('/ws/unknown')).statusCode).toBe(404);
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const response = await app.http.inject('/assets/app-abc123.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });
});

describe('rate limits', () => {
  it('limits the API per IP and auth routes more strictly, and can be turned off', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_GLOBAL_PER_MINUTE: '5', RATE_LIMIT_AUTH_PER_MINUTE: '2' } });
    try {
      const login = () => limited.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@example.test', password: 'whatever it is' } });
      expect((await login()).statusCode).toBe(401);
      expect((await login()).statusCode).toBe(401);
      const third = await login();
      expect(third.statusCode).toBe(429);
      expect(envelope(third.body).code).toBe('rate_limited');
      expect(third.headers['retry-after']).toBeDefined();
      const statuses = [];
      for (let index = 0; index < 6; index += 1) statuses.push((await limited.http.inject('/api/auth/status')).statusCode);
      expect(statuses).toContain(429);
      expect((await limited.http.inject('/health')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
    const statuses = [];
    for (let index = 0; index < 30; index += 1) statuses.push((await app.http.inject('/api/auth/status')).statusCode);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe('metrics token', () => {
  it('requires the bearer token when METRICS_TOKEN is set', async () => {
    const secured = await createTestApp({ env: { METRICS_TOKEN: 'metrics-token-0123456789' } });
    try {
      expect((await secured.http.inject('/metrics')).statusCode).toBe(401);
      expect((await secured.http.inject({ url: '/metrics', headers: bearer('metrics-token-0123456789') })).statusCode).toBe(200);
    } finally {
      await secured.close();
    }
  });
});

describe('response contracts', () => {
  it('answers every admin route in its documented shape', async () => {
    const other = await createTestApp();
    try {
      const admin = await registerAdmin(other);
      const response = await other.http.inject({ url: '/api/admin/users', headers: bearer(admin.accessToken) });
      expect(response.json()).toEqual({ users: [expect.objectContaining({ id: admin.user.id, lastLoginAt: expect.any(String) })], total: 1 });
    } finally {
      await other.close();
    }
  });
});
