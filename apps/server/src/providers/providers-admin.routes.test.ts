import { apiErrorSchema, modelsAdminResponseSchema, providerResponseSchema, providersResponseSchema, type Provider } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer } from '../test/factories.js';
import { createFakeLlmClient, createProvidersHarness, type ProvidersHarness } from './test-support.js';

let harness: ProvidersHarness;
let fake: ReturnType<typeof createFakeLlmClient>;
const secretKey = 'sk-test-SECRET-0123456789abcdef';

beforeEach(async () => {
  fake = createFakeLlmClient({ models: [{ name: 'gpt-4o' }, { name: 'gpt-4o-mini', contextLength: 128_000 }, { name: 'gpt-3.5-turbo' }, { name: 'o3-preview' }] });
  harness = await createProvidersHarness({ llmClient: fake.client });
});
afterEach(() => harness.close());

const asAdmin = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  harness.http.inject({ method, url, headers: bearer(harness.admin.accessToken), ...(payload ? { payload } : {}) });
const errorOf = (body: string) => apiErrorSchema.parse(JSON.parse(body)).error;

async function createProvider(body: object = {}): Promise<Provider> {
  const response = await asAdmin('POST', '/api/admin/providers', { name: 'OpenAI', kind: 'openai', baseUrl: 'https://api.openai.com/v1/', apiKey: secretKey, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return providerResponseSchema.parse(response.json()).provider;
}

describe('admin providers', () => {
  it('stores the API key encrypted, never returns it, and audits the creation without it', async () => {
    const provider = await createProvider();
    expect(provider).toMatchObject({ name: 'OpenAI', kind: 'openai', baseUrl: 'https://api.openai.com/v1', hasApiKey: true, enabled: true, ownerUserId: null });
    expect(provider.flags).toEqual({ imageOnly: false, imageEditOnly: false, audioOnly: false, secure: false });
    const row = await harness.app.database.db.selectFrom('providers').selectAll().where('id', '=', provider.id).executeTakeFirstOrThrow();
    expect(row.api_key_ciphertext).toMatch(/^v1:/);
    expect(row.api_key_ciphertext).not.toContain(secretKey);
    expect(harness.app.cipher.decrypt(row.api_key_ciphertext!, { userId: 'instance', recordId: provider.id })).toBe(secretKey);
    for (const response of [await asAdmin('GET', '/api/admin/providers'), await asAdmin('GET', `/api/admin/providers/${provider.id}`)]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain(secretKey);
      expect(response.body).not.toContain(row.api_key_ciphertext);
    }
    const audit = await harness.app.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.provider-created').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: harness.admin.user.id, target_type: 'provider', target_id: provider.id });
    expect(JSON.stringify(audit)).not.toContain(secretKey);
    expect(harness.logLines.join('\n')).not.toContain(secretKey);
  });

  it('lists, reads, changes and deletes a provider; delete takes its models with it', async () => {
    const provider = await createProvider({ flags: { imageOnly: true } });
    const list = providersResponseSchema.parse((await asAdmin('GET', '/api/admin/providers')).json());
    expect(list.providers.map((item) => item.id)).toEqual([provider.id]);

    const patched = await asAdmin('PATCH', `/api/admin/providers/${provider.id}`, { name: 'OpenAI EU', enabled: false, flags: { secure: true }, systemPrompt: 'Be brief.' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ provider: { name: 'OpenAI EU', enabled: false, systemPrompt: 'Be brief.', hasApiKey: true } });
    // A PATCH of one flag leaves the others as they were.
    expect(providerResponseSchema.parse(patched.json()).provider.flags).toEqual({ imageOnly: true, imageEditOnly: false, audioOnly: false, secure: true });

    const keyRemoved = await asAdmin('PATCH', `/api/admin/providers/${provider.id}`, { apiKey: null });
    expect(keyRemoved.json()).toMatchObject({ provider: { hasApiKey: false } });
    const newKey = await asAdmin('PATCH', `/api/admin/providers/${provider.id}`, { apiKey: 'sk-other' });
    expect(newKey.json()).toMatchObject({ provider: { hasApiKey: true } });

    await asAdmin('POST', `/api/admin/providers/${provider.id}/fetch-models`);
    expect(await harness.app.database.db.selectFrom('models').select('id').where('provider_id', '=', provider.id).execute()).toHaveLength(4);
    const deleted = await asAdmin('DELETE', `/api/admin/providers/${provider.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect(await harness.app.database.db.selectFrom('models').select('id').execute()).toEqual([]);
    expect((await asAdmin('GET', `/api/admin/providers/${provider.id}`)).statusCode).toBe(404);
    expect((await asAdmin('DELETE', `/api/admin/providers/${provider.id}`)).statusCode).toBe(404);
    const actions = (await harness.app.database.db.selectFrom('audit_log').select('action').where('target_id', '=', provider.id).execute()).map((row) => row.action);
    expect(actions.sort()).toEqual(['admin.provider-created', 'admin.provider-deleted', 'admin.provider-updated', 'admin.provider-updated', 'admin.provider-updated']);
  });

  it('refuses a second provider with the same name', async () => {
    await createProvider();
    const again = await asAdmin('POST', '/api/admin/providers', { name: 'openai', kind: 'openai', baseUrl: 'https://example.com/v1' });
    expect(again.statusCode).toBe(409);
  });

  it('fetches models with the decrypted key; no filters shows them all', async () => {
    const provider = await createProvider();
    const response = await asAdmin('POST', `/api/admin/providers/${provider.id}/fetch-models`);
    expect(response.statusCode, response.body).toBe(200);
    const { models } = modelsAdminResponseSchema.parse(response.json());
    expect(models.map((model) => model.name)).toEqual(['gpt-3.5-turbo', 'gpt-4o', 'gpt-4o-mini', 'o3-preview']);
    expect(models.every((model) => model.isVisible)).toBe(true);
    expect(models.find((model) => model.name === 'gpt-4o-mini')?.contextLength).toBe(128_000);
    expect(fake.listCalls).toEqual([{ baseUrl: 'https://api.openai.com/v1', apiKey: secretKey }]);
    expect(response.body).not.toContain(secretKey);
    const stored = providerResponseSchema.parse((await asAdmin('GET', `/api/admin/providers/${provider.id}`)).json()).provider;
    expect(stored.lastFetchedAt).not.toBeNull();
  });

  it('applies include/exclude filters by priority, and again when the filters change', async () => {
    const provider = await createProvider({
      filters: [
        { pattern: 'gpt-4o*', action: 'include', priority: 1 },
        { pattern: '*-mini', action: 'exclude', priority: 5 },
        { pattern: 'o3-*', action: 'include' },
      ],
    });
    const { models } = modelsAdminResponseSchema.parse((await asAdmin('POST', `/api/admin/providers/${provider.id}/fetch-models`)).json());
    const visible = (list: typeof models) => list.filter((model) => model.isVisible).map((model) => model.name);
    expect(visible(models)).toEqual(['gpt-4o', 'o3-preview']);

    await asAdmin('PATCH', `/api/admin/providers/${provider.id}`, { filters: [{ pattern: '*', action: 'include', priority: 0 }, { pattern: 'gpt-3*', action: 'exclude', priority: 1 }] });
    const after = modelsAdminResponseSchema.parse((await asAdmin('GET', `/api/admin/models?providerId=${provider.id}`)).json()).models;
    expect(visible(after)).toEqual(['gpt-4o', 'gpt-4o-mini', 'o3-preview']);
  });

  it('keeps admin edits of existing models when fetching again, and adds new models', async () => {
    const provider = await createProvider({ filters: [{ pattern: 'gpt-*', action: 'include', priority: 0 }] });
    const { models } = modelsAdminResponseSchema.parse((await asAdmin('POST', `/api/admin/providers/${provider.id}/fetch-models`)).json());
    const gpt4o = models.find((model) => model.name === 'gpt-4o')!;
    const o3 = models.find((model) => model.name === 'o3-preview')!;
    expect(o3.isVisible).toBe(false);
    await asAdmin('PATCH', `/api/admin/models/${gpt4o.id}`, { displayName: 'GPT-4o (team)', description: 'Default', tier: 1, contextLength: 64_000, isVisible: false, capabilities: { vision: true } });
    await asAdmin('PATCH', `/api/admin/models/${o3.id}`, { isVisible: true });
    fake.setModels([{ name: 'gpt-4o', displayName: 'GPT 4o upstream', contextLength: 128_000 }, { name: 'o3-preview' }, { name: 'gpt-5' }]);
    const again = modelsAdminResponseSchema.parse((await asAdmin('POST', `/api/admin/providers/${provider.id}/fetch-models`)).json()).models;
    expect(again.find((model) => model.id === gpt4o.id)).toMatchObject({
      displayName: 'GPT-4o (team)', description: 'Default', tier: 1, contextLength: 64_000, isVisible: false, capabilities: { vision: true },
    });
    expect(again.find((model) => model.id === o3.id)?.isVisible).toBe(true);
    expect(again.find((model) => model.name === 'gpt-5')).toMatchObject({ isVisible: true, displayName: 'gpt-5' });
    // Models the provider stopped listing stay until an admin deletes them.
    expect(again.map((model) => model.name)).toContain('gpt-3.5-turbo');
  });

  it('answers 502 with the provider failure (and never the key) when listing fails', async () => {
    const failing = createFakeLlmClient();
    failing.client.listModels = () => Promise.reject(new Error(`401 Incorrect API key provided: ${secretKey}`));
    await harness.close();
    harness = await createProvidersHarness({ llmClient: failing.client });
    const provider = await createProvider();
    const response = await asAdmin('POST', `/api/admin/providers/${provider.id}/fetch-models`);
    expect(response.statusCode).toBe(502);
    expect(errorOf(response.body)).toMatchObject({ code: 'upstream_unavailable' });
    expect(errorOf(response.body).message).toContain('Incorrect API key');
    expect(response.body).not.toContain(secretKey);
  });

  it('is closed to non-admins (403) and anonymous callers (401)', async () => {
    const provider = await createProvider();
    const user = await harness.newUser();
    const routes = [
      ['GET', '/api/admin/providers'], ['POST', '/api/admin/providers'], ['GET', `/api/admin/providers/${provider.id}`],
      ['PATCH', `/api/admin/providers/${provider.id}`], ['DELETE', `/api/admin/providers/${provider.id}`],
      ['POST', `/api/admin/providers/${provider.id}/fetch-models`], ['GET', '/api/admin/models'], ['PUT', '/api/admin/models/bulk/visibility'],
      ['GET', '/api/admin/models/x'], ['PATCH', '/api/admin/models/x'], ['DELETE', '/api/admin/models/x'], ['GET', '/api/admin/models/x/aliases'],
      ['POST', '/api/admin/models/x/aliases'], ['DELETE', '/api/admin/models/x/aliases/y'], ['POST', '/api/admin/models/x/test'],
    ] as const;
    for (const [method, url] of routes) {
      const asUser = await harness.http.inject({ method, url, headers: bearer(user.accessToken), payload: {} });
      expect(asUser.statusCode, `${method} ${url}`).toBe(403);
      expect(errorOf(asUser.body).code).toBe('forbidden');
      expect((await harness.http.inject({ method, url, payload: {} })).statusCode, `${method} ${url}`).toBe(401);
    }
    expect(await harness.app.database.db.selectFrom('providers').select('id').execute()).toHaveLength(1);
  });

  it('refuses bad input with the 400 envelope and stores nothing', async () => {
    const valid = { name: 'P', kind: 'openai-compatible', baseUrl: 'https://example.com/v1' };
    const bad: object[] = [
      { ...valid, baseUrl: 'ftp://example.com/v1' },
      { ...valid, baseUrl: 'javascript:alert(1)' },
      { ...valid, baseUrl: '<script>alert(1)</script>' },
      { ...valid, baseUrl: "https://example.com/v1'; drop table providers; --" },
      { ...valid, baseUrl: 'not a url' },
      { ...valid, name: 'x'.repeat(10_240) },
      { ...valid, name: '' },
      { ...valid, kind: 'mistral' },
      { ...valid, isAdmin: true },
      { ...valid, flags: { imageOnly: true, root: true } },
      { ...valid, filters: [{ pattern: 'a*', action: 'drop' }] },
      { ...valid, apiKey: '' },
      { ...valid, enabled: 'yes' },
      { name: 'P', kind: 'openai' },
    ];
    for (const payload of bad) {
      const response = await asAdmin('POST', '/api/admin/providers', payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(errorOf(response.body).code).toBe('validation_failed');
    }
    expect(await harness.app.database.db.selectFrom('providers').select('id').execute()).toEqual([]);
    expect((await asAdmin('PATCH', '/api/admin/providers/whatever', {})).statusCode).toBe(400);
    expect((await asAdmin('GET', `/api/admin/providers/${'x'.repeat(100)}`)).statusCode).toBe(400);
  });

  it('stores SQL- and HTML-looking names as plain text', async () => {
    const names = ["Robert'); DROP TABLE providers;--", '<img src=x onerror=alert(1)>'];
    for (const name of names) await createProvider({ name });
    const list = providersResponseSchema.parse((await asAdmin('GET', '/api/admin/providers')).json());
    expect(list.providers.map((provider) => provider.name).sort()).toEqual([...names].sort());
  });
});

describe('admin provider URLs', () => {
  it('refuses credentials, fragments and pasted junk in the base URL, on create and on change', async () => {
    const base = { name: 'P', kind: 'openai-compatible' };
    for (const baseUrl of ['https://user:pass@example.com/v1', 'https://example.com/v1#x', 'https://example.com/v1"onmouseover="x']) {
      const response = await asAdmin('POST', '/api/admin/providers', { ...base, baseUrl });
      expect(response.statusCode, baseUrl).toBe(400);
      expect(errorOf(response.body).details).toEqual([{ path: 'baseUrl', message: expect.any(String) as string }]);
    }
    const provider = await createProvider();
    expect((await asAdmin('PATCH', `/api/admin/providers/${provider.id}`, { baseUrl: 'https://a:b@example.com' })).statusCode).toBe(400);
    // Instance providers may live on the local network (Ollama next to the server).
    expect((await asAdmin('PATCH', `/api/admin/providers/${provider.id}`, { baseUrl: 'http://127.0.0.1:11434/v1' })).statusCode).toBe(200);
  });
});
