import { apiErrorSchema, type SessionResponse } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.js';
import { startDoubleServer, type DoubleServer } from '../test/llm-doubles/double-server.js';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin } from '../test/factories.js';

let app: TestApp;
let admin: SessionResponse;
let site: DoubleServer;

beforeAll(async () => {
  site = await startDoubleServer(async ({ response }) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('internal service');
  });
  app = await createTestApp({ env: { SEARXNG_URLS: 'http://127.0.0.1:9/' } });
  admin = await registerAdmin(app);
});

afterAll(async () => {
  await app?.close();
  await site?.close();
});

const putSettings = (payload: object) =>
  app.http.inject({ method: 'PUT', url: '/api/admin/settings', headers: bearer(admin.accessToken), payload });

async function outboundFailure(url: string): Promise<AppError> {
  const error = await app.outboundHttp.request(url).then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('the outbound allow-list setting', () => {
  it('starts empty, and the app client refuses loopback until an admin allows it', async () => {
    const settings = await app.http.inject({ method: 'GET', url: '/api/admin/settings', headers: bearer(admin.accessToken) });
    expect(settings.json()).toMatchObject({ settings: { outboundAllowlist: [] } });
    expect((await outboundFailure(`${site.origin}/`)).code).toBe('outbound_blocked');
    expect(site.requests).toHaveLength(0);
  });

  it('opens the listed range at once after a change (the cached list is dropped), and closes it again', async () => {
    const opened = await putSettings({ outboundAllowlist: ['127.0.0.1/32', '  searx.lan  '] });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ settings: { outboundAllowlist: ['127.0.0.1/32', 'searx.lan'] } });
    const response = await app.outboundHttp.request(`${site.origin}/`);
    expect(response.text()).toBe('internal service');

    expect((await putSettings({ outboundAllowlist: [] })).statusCode).toBe(200);
    expect((await outboundFailure(`${site.origin}/`)).code).toBe('outbound_blocked');
  });

  it('refuses entries the guard cannot use, naming each, and keeps the old list', async () => {
    await putSettings({ outboundAllowlist: ['10.0.0.0/8'] });
    const response = await putSettings({ outboundAllowlist: ['10.0.0.0/8', '10.0.0.0/40', 'http://searx.lan'] });
    expect(response.statusCode).toBe(400);
    const error = apiErrorSchema.parse(response.json()).error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('"10.0.0.0/40" is not a valid CIDR range');
    expect(error.details).toEqual([
      { path: 'outboundAllowlist.1', message: expect.stringContaining('10.0.0.0/40') },
      { path: 'outboundAllowlist.2', message: expect.stringContaining('is a URL') },
    ]);
    for (const payload of [{ outboundAllowlist: ['two words'] }, { outboundAllowlist: [''] }, { outboundAllowlist: 'not-a-list' }]) {
      expect((await putSettings(payload)).statusCode).toBe(400);
    }
    const settings = await app.http.inject({ method: 'GET', url: '/api/admin/settings', headers: bearer(admin.accessToken) });
    expect(settings.json()).toMatchObject({ settings: { outboundAllowlist: ['10.0.0.0/8'] } });
  });

  it('lets the configured SearXNG instance through on its own port only', async () => {
    // Port 9 on loopback: allowed, so the request is sent and refused by the closed port (not by the guard).
    expect((await outboundFailure('http://127.0.0.1:9/search')).code).toBe('upstream_unavailable');
    expect((await outboundFailure('http://127.0.0.1:10/search')).code).toBe('outbound_blocked');
  });
});
