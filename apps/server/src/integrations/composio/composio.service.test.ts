import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCounterStore } from '../../platform/counters/memory-counter-store.js';
import { composioClientOf, composioTestKey, startComposioDouble, type ComposioDouble } from './composio-double.js';
import { createComposioOAuthStates } from './composio-oauth-state.js';
import { createComposioService } from './composio.service.js';

let composio: ComposioDouble;
beforeAll(async () => {
  composio = await startComposioDouble();
});
afterAll(() => composio.close());

const states = () => createComposioOAuthStates({ masterKey: Buffer.alloc(32, 1), counters: createMemoryCounterStore(), now: () => new Date() });
const noCredentials = { saveCredential: () => Promise.reject(new Error('not used here')) };

describe('Composio service', () => {
  it('uses a configured auth config id without asking Composio for one', async () => {
    const service = createComposioService({ client: composioClientOf(composio), states: states(), allowedOrigins: [], authConfigIds: { googlesheets: 'ac_configured' }, credentials: noCredentials });
    composio.requests.length = 0;
    await service.authorize('user-9', 'composio_googlesheets', { serverOrigin: 'https://clara.example.org' }, new AbortController().signal);
    expect(composio.requests.map((request) => request.path)).toEqual(['/api/v3/connected_accounts/link']);
    expect(composio.requests[0]!.headers['x-api-key']).toBe(composioTestKey);
    expect(composio.requests[0]!.body).toMatchObject({ auth_config_id: 'ac_configured', user_id: 'claraverse-user-9' });
    expect((composio.requests[0]!.body as { callback_url: string }).callback_url).toMatch(/^https:\/\/clara\.example\.org\/api\/integrations\/composio\/callback\?state=/);
  });

  it('normalises allowed origins and ignores entries that are not http(s) origins', async () => {
    const shared = states();
    const service = createComposioService({
      client: composioClientOf(composio), states: shared, allowedOrigins: ['https://app.example.org/', 'javascript:alert(1)'], authConfigIds: { gmail: 'ac_1' }, credentials: noCredentials,
    });
    await service.authorize('user-9', 'composio_gmail', { serverOrigin: 'https://clara.example.org', browserOrigin: 'https://app.example.org' }, new AbortController().signal);
    const state = new URL((composio.requests.at(-1)!.body as { callback_url: string }).callback_url).searchParams.get('state')!;
    await expect(service.callback({ state, status: 'success' }, 'https://clara.example.org')).resolves.toBe('https://app.example.org/settings?tab=credentials&connected=composio_gmail');
  });
});
