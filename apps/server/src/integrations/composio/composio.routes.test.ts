import {
  apiErrorSchema, composioAuthorizeResponseSchema, composioCompleteSetupResponseSchema, composioConnectedAccountResponseSchema,
  availableToolsResponseSchema, credentialsResponseSchema, type SessionResponse,
} from '@claraverse/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin } from '../../test/factories.js';
import { composioTestKey, startComposioDouble, type ComposioDouble } from './composio-double.js';
import { composioEntityIdFor } from './composio-tool.js';

// The real app with COMPOSIO_API_URL pointing at a Composio double on 127.0.0.1 that asserts each request.
let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(() => composio.close());

const webOrigin = 'https://app.example.org';
let app: TestApp;
let owner: SessionResponse;
beforeEach(async () => {
  app = await createTestApp({
    env: { OUTBOUND_ALLOWLIST: '127.0.0.1/32', COMPOSIO_API_KEY: composioTestKey, COMPOSIO_API_URL: composio.origin, ALLOWED_ORIGINS: webOrigin },
  });
  owner = await registerAdmin(app);
  composio.requests.length = 0;
  composio.authConfigs.splice(0, Infinity,
    { id: 'ac_other', status: 'ENABLED', toolkit: { slug: 'slack' } },
    { id: 'ac_gmail', status: 'ENABLED', toolkit: { slug: 'gmail' } },
    { id: 'ac_sheets', status: 'ENABLED', toolkit: { slug: 'googlesheets' } });
  composio.connectedAccounts.length = 0;
});
afterEach(() => app.close());

const entity = () => composioEntityIdFor(owner.user.id);

async function authorize(path: 'gmail' | 'googlesheets', headers: Record<string, string> = {}) {
  const response = await app.http.inject({ method: 'GET', url: `/api/integrations/composio/${path}/authorize`, headers: { ...bearer(owner.accessToken), ...headers } });
  expect(response.statusCode, response.body).toBe(200);
  const link = composio.requests.at(-1)!;
  const callbackUrl = new URL((link.body as { callback_url: string }).callback_url);
  return { redirectUrl: composioAuthorizeResponseSchema.parse(response.json()).redirectUrl, link, callbackUrl, state: callbackUrl.searchParams.get('state')! };
}

/** The browser coming back from Composio, which appends its own parameters to our callback URL. */
function callback(state: string, extra = 'status=success&connected_account_id=ca_new', host?: string) {
  return app.http.inject({
    method: 'GET', url: `/api/integrations/composio/callback?state=${encodeURIComponent(state)}&${extra}`, ...(host ? { headers: { host } } : {}),
  });
}

async function availableTools(): Promise<string[]> {
  const response = await app.http.inject({ method: 'GET', url: '/api/tools/available', headers: bearer(owner.accessToken) });
  expect(response.statusCode).toBe(200);
  return availableToolsResponseSchema.parse(response.json()).categories.flatMap((category) => category.tools.map((tool) => tool.name));
}

function expectError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  const { error } = apiErrorSchema.parse(response.json());
  expect(error.code).toBe(code);
  return error;
}

describe('Composio connection flow', () => {
  it('authorize asks Composio for a link for the user\'s own entity with a callback carrying a state', async () => {
    const { redirectUrl, link, callbackUrl, state } = await authorize('gmail');
    expect(redirectUrl).toBe('https://connect.composio.dev/link/lt_1');
    const [configs] = composio.requests;
    expect(configs).toMatchObject({ method: 'GET', path: '/api/v3/auth_configs', query: { toolkit_slug: 'gmail' } });
    expect(configs!.headers['x-api-key']).toBe(composioTestKey);
    expect(link).toMatchObject({ method: 'POST', path: '/api/v3/connected_accounts/link' });
    expect(link.headers['x-api-key']).toBe(composioTestKey);
    expect(link.body).toEqual({ auth_config_id: 'ac_gmail', user_id: entity(), callback_url: callbackUrl.toString() });
    expect(`${callbackUrl.origin}${callbackUrl.pathname}`).toBe('http://localhost/api/integrations/composio/callback');
    expect(state).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('the callback redirects to the settings page once, and refuses the same state a second time', async () => {
    const { state } = await authorize('gmail');
    const first = await callback(state);
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('http://localhost/settings?tab=credentials&connected=composio_gmail');
    const replay = await callback(state);
    expect(expectError(replay, 400, 'validation_failed').message).toMatch(/not valid or was already used/);
    expect(replay.headers.location).toBeUndefined();
  });

  it('a forged or altered state is refused without a redirect', async () => {
    const { state } = await authorize('googlesheets');
    const [payload, signature] = state.split('.') as [string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const altered = `${Buffer.from(JSON.stringify({ ...decoded, o: 'https://evil.example' })).toString('base64url')}.${signature}`;
    for (const forged of [altered, `${payload}.${'A'.repeat(43)}`, 'nonsense', `${payload}.${signature}.x`]) {
      const response = await callback(forged);
      expectError(response, 400, 'validation_failed');
      expect(response.headers.location).toBeUndefined();
    }
    // The genuine state is still unused and works.
    expect((await callback(state)).headers.location).toBe('http://localhost/settings?tab=credentials&connected=composio_googlesheets');
  });

  it('returns to an allowed web origin, never to another one', async () => {
    const allowed = await authorize('gmail', { origin: webOrigin });
    expect((await callback(allowed.state)).headers.location).toBe(`${webOrigin}/settings?tab=credentials&connected=composio_gmail`);
    const foreign = await authorize('gmail', { origin: 'https://evil.example' });
    expect((await callback(foreign.state)).headers.location).toBe('http://localhost/settings?tab=credentials&connected=composio_gmail');
  });

  it('a state made for another host (a forged Host header) does not redirect there', async () => {
    const { state, callbackUrl } = await authorize('gmail', { host: 'evil.example' });
    expect(callbackUrl.origin).toBe('http://evil.example');
    const response = await callback(state, 'status=success', 'localhost');
    expectError(response, 403, 'forbidden');
    expect(response.headers.location).toBeUndefined();
  });

  it('a failed connection returns to the settings page with the error flag', async () => {
    const { state } = await authorize('gmail');
    expect((await callback(state, 'status=failed')).headers.location).toBe('http://localhost/settings?tab=credentials&error=composio_gmail');
    const older = await authorize('gmail');
    expect((await callback(older.state, 'connectionStatus=FAILED&connectedAccountId=ca_x')).headers.location).toBe('http://localhost/settings?tab=credentials&error=composio_gmail');
  });

  it('a project without an auth config for the service is a clear error', async () => {
    composio.authConfigs.length = 0;
    const response = await app.http.inject({ method: 'GET', url: '/api/integrations/composio/googlesheets/authorize', headers: bearer(owner.accessToken) });
    expect(expectError(response, 400, 'validation_failed').message).toMatch(/no enabled Google Sheets auth config/);
  });

  it('complete-setup refuses before the connection is active, then stores the credential of the user\'s entity', async () => {
    expect(await availableTools()).not.toContain('gmail_send_email');
    const early = await app.http.inject({ method: 'POST', url: '/api/integrations/composio/complete-setup', headers: bearer(owner.accessToken), payload: { integration: 'composio_gmail' } });
    expect(expectError(early, 400, 'validation_failed').message).toMatch(/Gmail is not connected yet/);
    const listed = composio.requests.at(-1)!;
    expect(listed).toMatchObject({ method: 'GET', path: '/api/v3/connected_accounts', query: { user_ids: entity(), toolkit_slugs: 'gmail', limit: '20' } });
    expect(listed.headers['x-api-key']).toBe(composioTestKey);

    composio.connectedAccounts.push(
      { id: 'ca_old', status: 'EXPIRED', toolkit: { slug: 'gmail' }, user_id: entity(), created_at: '2025-01-01T00:00:00Z' },
      { id: 'ca_new', status: 'ACTIVE', toolkit: { slug: 'gmail' }, user_id: entity(), created_at: '2025-02-01T00:00:00Z' },
    );
    const status = await app.http.inject({ method: 'GET', url: '/api/integrations/composio/connected-account?integration=composio_gmail', headers: bearer(owner.accessToken) });
    expect(status.statusCode, status.body).toBe(200);
    expect(composioConnectedAccountResponseSchema.parse(status.json())).toEqual({ integration: 'composio_gmail', connected: true, status: 'ACTIVE', connectedAccountId: 'ca_new' });

    const done = await app.http.inject({ method: 'POST', url: '/api/integrations/composio/complete-setup', headers: bearer(owner.accessToken), payload: { integration: 'composio_gmail' } });
    expect(done.statusCode, done.body).toBe(201);
    const { credential } = composioCompleteSetupResponseSchema.parse(done.json());
    expect(credential).toMatchObject({ name: 'Gmail', integrationType: 'composio_gmail' });
    const list = credentialsResponseSchema.parse((await app.http.inject({ method: 'GET', url: '/api/credentials', headers: bearer(owner.accessToken) })).json());
    expect(list.credentials.map((item) => item.id)).toEqual([credential.id]);
    // The stored value is the user's entity, as a tool call gets it, and the Gmail tools are now offered.
    expect(await app.credentials.credentialsFor(owner.user.id)('composio_gmail')).toEqual({ composio_entity_id: entity() });
    expect(await availableTools()).toEqual(expect.arrayContaining(['gmail_send_email', 'gmail_move_to_trash']));
    expect(await availableTools()).not.toContain('googlesheets_read');
  });

  it('the connect routes need a signed-in user; bad input is a validation error', async () => {
    expect((await app.http.inject({ method: 'GET', url: '/api/integrations/composio/gmail/authorize' })).statusCode).toBe(401);
    expect((await app.http.inject({ method: 'POST', url: '/api/integrations/composio/complete-setup', payload: { integration: 'composio_gmail' } })).statusCode).toBe(401);
    const wrong = await app.http.inject({ method: 'GET', url: '/api/integrations/composio/connected-account?integration=slack', headers: bearer(owner.accessToken) });
    expectError(wrong, 400, 'validation_failed');
    expectError(await app.http.inject({ method: 'GET', url: '/api/integrations/composio/callback' }), 400, 'validation_failed');
    expect(composio.requests).toHaveLength(0);
  });
});

describe('Composio connection flow without COMPOSIO_API_KEY', () => {
  it('says Composio is not configured and calls nothing', async () => {
    const bare = await createTestApp({ env: { OUTBOUND_ALLOWLIST: '127.0.0.1/32', COMPOSIO_API_URL: composio.origin } });
    try {
      const admin = await registerAdmin(bare);
      const response = await bare.http.inject({ method: 'GET', url: '/api/integrations/composio/gmail/authorize', headers: bearer(admin.accessToken) });
      expect(expectError(response, 503, 'service_unavailable').message).toMatch(/Composio is not configured on this instance/);
      expect(composio.requests).toHaveLength(0);
    } finally {
      await bare.close();
    }
  });
});
