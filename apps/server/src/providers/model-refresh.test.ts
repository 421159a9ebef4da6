import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeLlmClient, createProvidersHarness, type ProvidersHarness } from './test-support.js';

let harness: ProvidersHarness;
let fake: ReturnType<typeof createFakeLlmClient>;
beforeEach(async () => {
  fake = createFakeLlmClient({ models: [{ name: 'm1' }] });
  harness = await createProvidersHarness({ llmClient: fake.client });
});
afterEach(() => harness.close());

describe('startModelRefresh', () => {
  it('refreshes enabled instance providers on its timer, logs a failing one without its key, and stops', async () => {
    const service = harness.module.service;
    const actor = { userId: harness.admin.user.id, ip: '' };
    const good = await service.createProvider(null, { name: 'Good', kind: 'openai', baseUrl: 'https://good.example/v1', apiKey: 'sk-good', enabled: true }, actor);
    const bad = await service.createProvider(null, { name: 'Bad', kind: 'openai', baseUrl: 'https://bad.example/v1', apiKey: 'sk-bad-secret', enabled: true }, actor);
    await service.createProvider(null, { name: 'Off', kind: 'openai', baseUrl: 'https://off.example/v1', enabled: false }, actor);
    const list = fake.client.listModels.bind(fake.client);
    fake.client.listModels = (target, signal) =>
      target.baseUrl.includes('bad') ? (fake.listCalls.push({ baseUrl: target.baseUrl, apiKey: null }), Promise.reject(new Error(`401 invalid key ${target.apiKey ?? ''}`))) : list(target, signal);

    harness.module.startModelRefresh({ intervalMs: 60_000, initialDelayMs: 10 });
    await vi.waitFor(() => expect(harness.logLines.some((line) => line.includes('provider model refresh failed'))).toBe(true), { timeout: 5_000 });
    await harness.module.stop();
    expect(fake.listCalls.map((call) => call.baseUrl).sort()).toEqual(['https://bad.example/v1', 'https://good.example/v1']);
    expect((await service.listModels(good.id)).map((model) => model.name)).toEqual(['m1']);
    const failure = harness.logLines.find((line) => line.includes('provider model refresh failed'))!;
    expect(JSON.parse(failure)).toMatchObject({ providerId: bad.id });
    expect(harness.logLines.join('\n')).not.toContain('sk-bad-secret');
    expect(harness.logLines.join('\n')).not.toContain('sk-good');
  });

  it('skips providers fetched within the interval on the first pass', async () => {
    const service = harness.module.service;
    const provider = await service.createProvider(null, { name: 'Fresh', kind: 'openai', baseUrl: 'https://fresh.example/v1', enabled: true }, { userId: harness.admin.user.id, ip: '' });
    await service.fetchModels(null, provider.id);
    harness.module.startModelRefresh({ intervalMs: 86_400_000, initialDelayMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await harness.module.stop();
    expect(fake.listCalls).toHaveLength(1);
  });
});
