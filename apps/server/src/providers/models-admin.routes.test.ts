import { apiErrorSchema, modelAliasesResponseSchema, modelResponseSchema, modelsAdminResponseSchema, modelTestResultSchema, type Model } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer } from '../test/factories.js';
import { startOpenAiDouble, type OpenAiDouble } from '../test/llm-doubles/openai-double.js';
import { createLlmClient } from './llm/create-llm-client.js';
import { createFakeLlmClient, createProvidersHarness, type ProvidersHarness } from './test-support.js';

let harness: ProvidersHarness;
afterEach(() => harness.close());

const asAdmin = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  harness.http.inject({ method, url, headers: bearer(harness.admin.accessToken), ...(payload ? { payload } : {}) });
const errorOf = (body: string) => apiErrorSchema.parse(JSON.parse(body)).error;

async function providerWithModels(body: object = {}): Promise<{ providerId: string; models: Model[] }> {
  const created = await asAdmin('POST', '/api/admin/providers', { name: 'Local', kind: 'openai-compatible', baseUrl: 'https://llm.example.com/v1', apiKey: 'test-key', ...body });
  expect(created.statusCode, created.body).toBe(201);
  const providerId = (created.json() as { provider: { id: string } }).provider.id;
  const fetched = await asAdmin('POST', `/api/admin/providers/${providerId}/fetch-models`);
  expect(fetched.statusCode, fetched.body).toBe(200);
  return { providerId, models: modelsAdminResponseSchema.parse(fetched.json()).models };
}

describe('admin models', () => {
  beforeEach(async () => {
    harness = await createProvidersHarness({ llmClient: createFakeLlmClient({ models: [{ name: 'alpha' }, { name: 'beta' }, { name: 'gamma' }] }).client });
  });

  it('lists models (all, or of one provider), reads, changes and deletes one', async () => {
    const first = await providerWithModels();
    const second = await providerWithModels({ name: 'Second' });
    expect(modelsAdminResponseSchema.parse((await asAdmin('GET', '/api/admin/models')).json()).models).toHaveLength(6);
    const ofFirst = modelsAdminResponseSchema.parse((await asAdmin('GET', `/api/admin/models?providerId=${first.providerId}`)).json()).models;
    expect(ofFirst.map((model) => model.providerId)).toEqual([first.providerId, first.providerId, first.providerId]);
    expect((await asAdmin('GET', '/api/admin/models?provider=x')).statusCode).toBe(400);

    const alpha = first.models[0]!;
    expect(modelResponseSchema.parse((await asAdmin('GET', `/api/admin/models/${alpha.id}`)).json()).model).toEqual(alpha);
    const patched = await asAdmin('PATCH', `/api/admin/models/${alpha.id}`, {
      displayName: 'Alpha', description: null, contextLength: 8192, capabilities: { vision: true, reasoning: true }, tier: 2, systemPrompt: 'Hi',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(modelResponseSchema.parse(patched.json()).model).toMatchObject({
      displayName: 'Alpha', contextLength: 8192, tier: 2, systemPrompt: 'Hi', capabilities: { vision: true, reasoning: true, tools: true, streaming: true },
    });
    for (const bad of [{}, { tier: 6 }, { capabilities: { teleport: true } }, { isVisible: 'no' }, { name: 'renamed' }]) {
      expect((await asAdmin('PATCH', `/api/admin/models/${alpha.id}`, bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await asAdmin('DELETE', `/api/admin/models/${alpha.id}`)).statusCode).toBe(204);
    expect((await asAdmin('GET', `/api/admin/models/${alpha.id}`)).statusCode).toBe(404);
    expect((await asAdmin('PATCH', '/api/admin/models/missing', { tier: 1 })).statusCode).toBe(404);
    expect(second.models).toHaveLength(3);
  });

  it('shows and hides many models at once and returns the updated ones', async () => {
    const { models } = await providerWithModels();
    const ids = models.slice(0, 2).map((model) => model.id);
    const response = await asAdmin('PUT', '/api/admin/models/bulk/visibility', { modelIds: [...ids, 'unknown-id'], isVisible: false });
    expect(response.statusCode, response.body).toBe(200);
    const updated = modelsAdminResponseSchema.parse(response.json()).models;
    expect(updated.map((model) => model.id).sort()).toEqual([...ids].sort());
    expect(updated.every((model) => !model.isVisible)).toBe(true);
    for (const bad of [{ modelIds: [], isVisible: true }, { modelIds: ids }, { modelIds: ids, isVisible: true, extra: 1 }]) {
      expect((await asAdmin('PUT', '/api/admin/models/bulk/visibility', bad)).statusCode).toBe(400);
    }
  });

  it('manages aliases: add, list, refuse duplicates and bad names, delete', async () => {
    const { models } = await providerWithModels();
    const [alpha, beta] = [models[0]!, models[1]!];
    const created = await asAdmin('POST', `/api/admin/models/${alpha.id}/aliases`, { alias: 'team-default', displayName: 'Team default', description: 'Ours' });
    expect(created.statusCode, created.body).toBe(201);
    expect(modelAliasesResponseSchema.parse(created.json()).aliases).toEqual([
      { alias: 'team-default', modelId: alpha.id, displayName: 'Team default', description: 'Ours' },
    ]);
    await asAdmin('POST', `/api/admin/models/${alpha.id}/aliases`, { alias: 'openai/gpt:fast' });
    const list = modelAliasesResponseSchema.parse((await asAdmin('GET', `/api/admin/models/${alpha.id}/aliases`)).json()).aliases;
    expect(list.map((alias) => alias.alias)).toEqual(['openai/gpt:fast', 'team-default']);
    const duplicate = await asAdmin('POST', `/api/admin/models/${beta.id}/aliases`, { alias: 'team-default' });
    expect(duplicate.statusCode).toBe(409);
    for (const alias of ['has space', '<b>x</b>', "x'; drop table model_aliases;--", '', 'a'.repeat(201)]) {
      expect((await asAdmin('POST', `/api/admin/models/${beta.id}/aliases`, { alias })).statusCode, alias).toBe(400);
    }
    expect((await asAdmin('POST', '/api/admin/models/missing/aliases', { alias: 'x' })).statusCode).toBe(404);
    expect((await asAdmin('DELETE', `/api/admin/models/${alpha.id}/aliases/team-default`)).statusCode).toBe(204);
    expect((await asAdmin('DELETE', `/api/admin/models/${alpha.id}/aliases/team-default`)).statusCode).toBe(404);
    expect((await asAdmin('DELETE', `/api/admin/models/${beta.id}/aliases/${encodeURIComponent('openai/gpt:fast')}`)).statusCode).toBe(404);
    expect((await asAdmin('DELETE', `/api/admin/models/${alpha.id}/aliases/${encodeURIComponent('openai/gpt:fast')}`)).statusCode).toBe(204);
    await asAdmin('POST', `/api/admin/models/${alpha.id}/aliases`, { alias: 'again' });
    // Deleting the model takes its aliases with it.
    await asAdmin('DELETE', `/api/admin/models/${alpha.id}`);
    expect(await harness.app.database.db.selectFrom('model_aliases').select('alias').execute()).toEqual([]);
  });
});

describe('POST /api/admin/models/:id/test (real LLM client against the OpenAI double)', () => {
  let double: OpenAiDouble;
  beforeEach(async () => {
    double = await startOpenAiDouble({ apiKey: 'test-key', models: ['good-model', 'no-tools-model', 'broken-model'] });
    harness = await createProvidersHarness({ llmClient: createLlmClient({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }) });
  });
  afterEach(() => double.close());

  async function doubleModels(): Promise<Map<string, Model>> {
    const { models } = await providerWithModels({ baseUrl: double.baseUrl });
    return new Map(models.map((model) => [model.name, model]));
  }

  it('measures latency and tokens per second, sees tool support and structured-output compliance, and stores the result', async () => {
    double.setScenario({ kind: 'reply', text: '{"city": "Paris", "country": "France"}' }, 'good-model');
    const model = (await doubleModels()).get('good-model')!;
    const response = await asAdmin('POST', `/api/admin/models/${model.id}/test`);
    expect(response.statusCode, response.body).toBe(200);
    const result = modelTestResultSchema.parse(response.json());
    expect(result).toMatchObject({ modelId: model.id, passed: true, supportsTools: true, error: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.tokensPerSecond).toBeGreaterThan(0);
    // The same answer to all three prompts fits only the first prompt's schema.
    expect(result.structuredOutputCompliance).toBe(33);
    const chatRequests = double.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(chatRequests).toHaveLength(5);
    expect(chatRequests.filter((request) => Array.isArray((request.body as { tools?: unknown[] }).tools))).toHaveLength(1);
    const stored = await harness.app.database.db.selectFrom('model_capabilities').selectAll().where('model_id', '=', model.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.last_test_result!)).toEqual(result);
    expect(stored.tools_unsupported).toBe(0);
  });

  it('records a model whose provider refuses tools', async () => {
    double.setScenario({ kind: 'tools-unsupported' }, 'no-tools-model');
    const model = (await doubleModels()).get('no-tools-model')!;
    const result = modelTestResultSchema.parse((await asAdmin('POST', `/api/admin/models/${model.id}/test`)).json());
    expect(result).toMatchObject({ passed: true, supportsTools: false });
    const row = await harness.app.database.db.selectFrom('model_capabilities').selectAll().where('model_id', '=', model.id).executeTakeFirstOrThrow();
    expect(row.tools_unsupported).toBe(1);
    expect(modelResponseSchema.parse((await asAdmin('GET', `/api/admin/models/${model.id}`)).json()).model.capabilities.tools).toBe(false);
  });

  it('reports a provider failure as a failed test, not a server error, without the key', async () => {
    double.setScenario({ kind: 'status', status: 401 }, 'broken-model');
    const model = (await doubleModels()).get('broken-model')!;
    const response = await asAdmin('POST', `/api/admin/models/${model.id}/test`);
    expect(response.statusCode).toBe(200);
    const result = modelTestResultSchema.parse(response.json());
    expect(result).toMatchObject({ passed: false, latencyMs: null, supportsTools: null, structuredOutputCompliance: null });
    expect(result.error).toBeTruthy();
    expect(response.body).not.toContain('test-key');
    expect((await asAdmin('POST', '/api/admin/models/missing/test')).statusCode).toBe(404);
    expect(errorOf((await asAdmin('POST', '/api/admin/models/missing/test')).body).code).toBe('not_found');
  });
});
