import { apiErrorSchema, modelsAdminResponseSchema, providerResponseSchema, providersResponseSchema, publicProvidersResponseSchema, userModelsResponseSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer } from '../test/factories.js';
import { createFakeLlmClient, createProvidersHarness, type ProvidersHarness } from './test-support.js';

let harness: ProvidersHarness;
let fake: ReturnType<typeof createFakeLlmClient>;
let alice: SessionResponse;
let bob: SessionResponse;

beforeEach(async () => {
  fake = createFakeLlmClient({ models: [{ name: 'model-b' }, { name: 'model-a' }, { name: 'whisper-1' }] });
  harness = await createProvidersHarness({ llmClient: fake.client });
  alice = await harness.newUser();
  bob = await harness.newUser();
});
afterEach(() => harness.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const as = (session: SessionResponse, method: Method, url: string, payload?: object) =>
  harness.http.inject({ method, url, headers: bearer(session.accessToken), ...(payload ? { payload } : {}) });
const errorOf = (body: string) => apiErrorSchema.parse(JSON.parse(body)).error;

async function adminProvider(body: object): Promise<string> {
  const created = await as(harness.admin, 'POST', '/api/admin/providers', { kind: 'openai-compatible', baseUrl: 'https://llm.example.com/v1', ...body });
  expect(created.statusCode, created.body).toBe(201);
  const id = providerResponseSchema.parse(created.json()).provider.id;
  expect((await as(harness.admin, 'POST', `/api/admin/providers/${id}/fetch-models`)).statusCode).toBe(200);
  return id;
}

async function ownProvider(session: SessionResponse, body: object = {}): Promise<string> {
  const created = await as(session, 'POST', '/api/user/providers', { name: 'Mine', kind: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: `sk-${session.user.id}`, ...body });
  expect(created.statusCode, created.body).toBe(201);
  return providerResponseSchema.parse(created.json()).provider.id;
}

describe('GET /api/models and /api/providers', () => {
  it('lists visible models of enabled chat providers, sorted by tier then name, without secrets', async () => {
    const chat = await adminProvider({ name: 'Chat', apiKey: 'sk-instance', filters: [{ pattern: 'model-*', action: 'include' }] });
    await adminProvider({ name: 'Audio', flags: { audioOnly: true } });
    await adminProvider({ name: 'Images', flags: { imageOnly: true } });
    const disabled = await adminProvider({ name: 'Off' });
    await as(harness.admin, 'PATCH', `/api/admin/providers/${disabled}`, { enabled: false });
    const chatModels = modelsAdminResponseSchema.parse((await as(harness.admin, 'GET', `/api/admin/models?providerId=${chat}`)).json()).models;
    const modelB = chatModels.find((model) => model.name === 'model-b')!;
    await as(harness.admin, 'PATCH', `/api/admin/models/${modelB.id}`, { tier: 1 });

    const response = await as(alice, 'GET', '/api/models');
    expect(response.statusCode, response.body).toBe(200);
    const { models } = userModelsResponseSchema.parse(response.json());
    expect(models.map((model) => [model.providerName, model.name, model.tier])).toEqual([['Chat', 'model-b', 1], ['Chat', 'model-a', null]]);
    expect(models[0]).toMatchObject({ providerId: chat, isOwn: false, capabilities: { tools: true } });
    expect(response.body).not.toContain('sk-instance');

    const providers = publicProvidersResponseSchema.parse((await as(alice, 'GET', '/api/providers')).json()).providers;
    expect(providers.map((provider) => provider.name)).toEqual(['Audio', 'Chat', 'Images']);
    expect(Object.keys(providers[0]!).sort()).toEqual(['enabled', 'flags', 'id', 'kind', 'name']);
    expect((await harness.http.inject({ method: 'GET', url: '/api/models' })).statusCode).toBe(401);
    expect((await harness.http.inject({ method: 'GET', url: '/api/providers' })).statusCode).toBe(401);
  });
});

describe('bring-your-own-key providers', () => {
  it('keeps each user’s providers, keys and models to themselves', async () => {
    await adminProvider({ name: 'Instance' });
    const aliceProvider = await ownProvider(alice);
    const row = await harness.app.database.db.selectFrom('providers').selectAll().where('id', '=', aliceProvider).executeTakeFirstOrThrow();
    expect(row.owner_user_id).toBe(alice.user.id);
    expect(row.api_key_ciphertext).not.toContain(`sk-${alice.user.id}`);
    expect(harness.app.cipher.decrypt(row.api_key_ciphertext!, { userId: alice.user.id, recordId: aliceProvider })).toBe(`sk-${alice.user.id}`);
    expect(() => harness.app.cipher.decrypt(row.api_key_ciphertext!, { userId: 'instance', recordId: aliceProvider })).toThrow();

    const fetched = await as(alice, 'POST', `/api/user/providers/${aliceProvider}/fetch-models`);
    expect(fetched.statusCode, fetched.body).toBe(200);
    expect(modelsAdminResponseSchema.parse(fetched.json()).models.every((model) => model.isVisible)).toBe(true);
    expect(fake.listCalls.at(-1)).toEqual({ baseUrl: 'https://api.openai.com/v1', apiKey: `sk-${alice.user.id}` });

    const aliceList = providersResponseSchema.parse((await as(alice, 'GET', '/api/user/providers')).json()).providers;
    expect(aliceList.map((provider) => [provider.id, provider.ownerUserId, provider.hasApiKey])).toEqual([[aliceProvider, alice.user.id, true]]);
    expect(providersResponseSchema.parse((await as(bob, 'GET', '/api/user/providers')).json()).providers).toEqual([]);

    const aliceModels = userModelsResponseSchema.parse((await as(alice, 'GET', '/api/models')).json()).models;
    expect(aliceModels.filter((model) => model.isOwn).map((model) => model.providerId)).toEqual([aliceProvider, aliceProvider, aliceProvider]);
    expect(aliceModels.filter((model) => !model.isOwn)).toHaveLength(3);
    const bobModels = userModelsResponseSchema.parse((await as(bob, 'GET', '/api/models')).json()).models;
    expect(bobModels.some((model) => model.isOwn || model.providerId === aliceProvider)).toBe(false);

    // Bob cannot see, change, fetch or delete Alice's provider: it does not exist for him.
    for (const [method, url, payload] of [
      ['PATCH', `/api/user/providers/${aliceProvider}`, { name: 'Stolen' }],
      ['DELETE', `/api/user/providers/${aliceProvider}`, undefined],
      ['POST', `/api/user/providers/${aliceProvider}/fetch-models`, undefined],
    ] as const) {
      const response = await as(bob, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    // Nor can the admin routes reach a user's provider, and the admin list shows instance providers only.
    expect((await as(harness.admin, 'GET', `/api/admin/providers/${aliceProvider}`)).statusCode).toBe(404);
    expect(providersResponseSchema.parse((await as(harness.admin, 'GET', '/api/admin/providers')).json()).providers.map((provider) => provider.name)).toEqual(['Instance']);
    // A user cannot reach instance providers through the user routes.
    const instance = (await harness.app.database.db.selectFrom('providers').select('id').where('owner_user_id', 'is', null).executeTakeFirstOrThrow()).id;
    expect((await as(alice, 'PATCH', `/api/user/providers/${instance}`, { enabled: false })).statusCode).toBe(404);

    const renamed = await as(alice, 'PATCH', `/api/user/providers/${aliceProvider}`, { name: 'Renamed', apiKey: null });
    expect(renamed.json()).toMatchObject({ provider: { name: 'Renamed', hasApiKey: false } });
    expect((await as(alice, 'DELETE', `/api/user/providers/${aliceProvider}`)).statusCode).toBe(204);
    expect(await harness.app.database.db.selectFrom('models').select('id').where('provider_id', '=', aliceProvider).execute()).toEqual([]);
  });

  it('answers 403 on every user-provider route when BYOK is off, and their models leave the picker', async () => {
    const aliceProvider = await ownProvider(alice);
    await as(alice, 'POST', `/api/user/providers/${aliceProvider}/fetch-models`);
    harness.setByokEnabled(false);
    for (const [method, url, payload] of [
      ['GET', '/api/user/providers', undefined],
      ['POST', '/api/user/providers', { name: 'New', kind: 'openai', baseUrl: 'https://api.openai.com/v1' }],
      ['PATCH', `/api/user/providers/${aliceProvider}`, { name: 'x' }],
      ['DELETE', `/api/user/providers/${aliceProvider}`, undefined],
      ['POST', `/api/user/providers/${aliceProvider}/fetch-models`, undefined],
    ] as const) {
      const response = await as(alice, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(errorOf(response.body)).toMatchObject({ code: 'forbidden', message: expect.stringContaining('turned off') as string });
    }
    expect(userModelsResponseSchema.parse((await as(alice, 'GET', '/api/models')).json()).models).toEqual([]);
    harness.setByokEnabled(true);
    expect(userModelsResponseSchema.parse((await as(alice, 'GET', '/api/models')).json()).models).toHaveLength(3);
  });

  it('refuses private-network URLs for users’ own providers, bad input, and more than 20 providers', async () => {
    for (const baseUrl of ['http://127.0.0.1:11434/v1', 'http://localhost:8080', 'http://169.254.169.254/latest', 'http://10.0.0.5/v1', 'http://[::1]:80/v1', 'http://2130706433/v1']) {
      const response = await as(alice, 'POST', '/api/user/providers', { name: 'Local', kind: 'openai-compatible', baseUrl });
      expect(response.statusCode, baseUrl).toBe(400);
      expect(errorOf(response.body).code).toBe('validation_failed');
    }
    for (const payload of [{ name: 'x', kind: 'openai', baseUrl: 'javascript:alert(1)' }, { name: 'x'.repeat(10_240), kind: 'openai', baseUrl: 'https://a.example' }, { name: 'x', kind: 'openai', baseUrl: 'https://a.example', ownerUserId: bob.user.id }]) {
      expect((await as(alice, 'POST', '/api/user/providers', payload)).statusCode).toBe(400);
    }
    expect(await harness.app.database.db.selectFrom('providers').select('id').execute()).toEqual([]);
    const id = await ownProvider(alice);
    expect((await as(alice, 'PATCH', `/api/user/providers/${id}`, { baseUrl: 'http://192.168.1.10/v1' })).statusCode).toBe(400);
    for (let index = 1; index < 20; index += 1) await ownProvider(alice, { name: `Mine ${index}` });
    const tooMany = await as(alice, 'POST', '/api/user/providers', { name: 'One more', kind: 'openai', baseUrl: 'https://api.openai.com/v1' });
    expect(tooMany.statusCode).toBe(409);
    // Another user has their own allowance, and may reuse a name.
    await ownProvider(bob);
  });
});
