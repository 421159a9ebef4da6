import type { SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.js';
import { createFakeLlmClient, createProvidersHarness, type ProvidersHarness } from './test-support.js';

let harness: ProvidersHarness;
let alice: SessionResponse;
let bob: SessionResponse;
const actor = () => ({ userId: harness.admin.user.id, ip: '127.0.0.1' });

beforeEach(async () => {
  harness = await createProvidersHarness({ llmClient: createFakeLlmClient({ models: [{ name: 'gpt-4o' }, { name: 'hidden-model' }] }).client });
  alice = await harness.newUser();
  bob = await harness.newUser();
});
afterEach(() => harness.close());

async function instanceModels() {
  const service = harness.module.service;
  const provider = await service.createProvider(null, {
    name: 'Instance', kind: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-instance', enabled: true,
    filters: [{ pattern: 'gpt-*', action: 'include', priority: 0 }], systemPrompt: 'Provider prompt',
  }, actor());
  const models = await service.fetchModels(null, provider.id);
  return { provider, visible: models.find((model) => model.name === 'gpt-4o')!, hidden: models.find((model) => model.name === 'hidden-model')! };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('ProvidersService.resolveModel', () => {
  it('finds a model by id, by alias and by name, with the decrypted key in the target', async () => {
    const service = harness.module.service;
    const { provider, visible } = await instanceModels();
    await service.createAlias(visible.id, { alias: 'default-chat' });
    for (const key of [visible.id, 'default-chat', 'gpt-4o']) {
      const resolved = await service.resolveModel(alice.user.id, key);
      expect(resolved.model.id, key).toBe(visible.id);
      expect(resolved.provider).toMatchObject({ id: provider.id, systemPrompt: 'Provider prompt', hasApiKey: true });
      expect(resolved.target).toEqual({ kind: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-instance', model: 'gpt-4o' });
      expect(resolved.isOwn).toBe(false);
      expect(resolved.toolsUnsupported).toBe(false);
    }
  });

  it('says not_found for unknown models and for another user’s own models', async () => {
    const service = harness.module.service;
    const unknown = await rejection(service.resolveModel(alice.user.id, 'no-such-model'));
    expect(unknown.code).toBe('not_found');
    expect(unknown.message).toContain('no-such-model');

    const bobProvider = await service.createProvider(bob.user.id, { name: 'Bob', kind: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-bob', enabled: true }, { userId: bob.user.id, ip: '' });
    const bobModels = await service.fetchModels(bob.user.id, bobProvider.id);
    const bobModel = bobModels[0]!;
    expect((await rejection(service.resolveModel(alice.user.id, bobModel.id))).code).toBe('not_found');
    expect((await rejection(service.resolveModel(alice.user.id, bobModel.name))).code).toBe('not_found');
    const own = await service.resolveModel(bob.user.id, bobModel.id);
    expect(own).toMatchObject({ isOwn: true, target: { apiKey: 'sk-bob', model: bobModel.name } });
  });

  it('prefers the user’s own provider when a model name exists twice', async () => {
    const service = harness.module.service;
    await instanceModels();
    const mine = await service.createProvider(alice.user.id, { name: 'Mine', kind: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-alice', enabled: true }, { userId: alice.user.id, ip: '' });
    await service.fetchModels(alice.user.id, mine.id);
    expect(await service.resolveModel(alice.user.id, 'gpt-4o')).toMatchObject({ isOwn: true, target: { apiKey: 'sk-alice' } });
    expect(await service.resolveModel(bob.user.id, 'gpt-4o')).toMatchObject({ isOwn: false, target: { apiKey: 'sk-instance' } });
  });

  it('refuses (forbidden) a disabled provider, a hidden model, and own models while BYOK is off', async () => {
    const service = harness.module.service;
    const { provider, visible, hidden } = await instanceModels();
    const hiddenError = await rejection(service.resolveModel(alice.user.id, hidden.id));
    expect(hiddenError).toMatchObject({ code: 'forbidden', details: { reason: 'model_hidden' } });
    // Resolved (and cached) before the change: the write must drop the cached resolution.
    for (const key of [visible.id, 'gpt-4o']) expect((await service.resolveModel(alice.user.id, key)).model.id).toBe(visible.id);
    await service.updateProvider(null, provider.id, { enabled: false }, actor());
    for (const key of [visible.id, 'gpt-4o']) {
      const error = await rejection(service.resolveModel(alice.user.id, key));
      expect(error).toMatchObject({ code: 'forbidden', details: { reason: 'provider_disabled' } });
      expect(error.message).toContain('disabled');
    }

    const mine = await service.createProvider(alice.user.id, { name: 'Mine', kind: 'openai', baseUrl: 'https://api.openai.com/v1', enabled: true }, { userId: alice.user.id, ip: '' });
    const [own] = await service.fetchModels(alice.user.id, mine.id);
    harness.setByokEnabled(false);
    expect(await rejection(service.resolveModel(alice.user.id, own!.id))).toMatchObject({ code: 'forbidden', details: { reason: 'byok_disabled' } });
  });

  it('marks a model as unable to use tools', async () => {
    const service = harness.module.service;
    const { visible } = await instanceModels();
    expect((await service.resolveModel(alice.user.id, visible.id)).toolsUnsupported).toBe(false);
    await service.markToolsUnsupported(visible.id);
    await service.markToolsUnsupported('no-such-model');
    expect((await service.resolveModel(alice.user.id, visible.id)).toolsUnsupported).toBe(true);
    expect((await service.getModel(visible.id)).capabilities.tools).toBe(false);
  });
});
