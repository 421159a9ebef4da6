import type { CreateProviderBody, SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors/app-error.js';
import { createFakeLlmClient, createProvidersHarness, type ProvidersHarness } from './test-support.js';

let harness: ProvidersHarness;
let fakeLlm: ReturnType<typeof createFakeLlmClient>;
let alice: SessionResponse;
let bob: SessionResponse;
const actor = () => ({ userId: harness.admin.user.id, ip: '127.0.0.1' });

beforeEach(async () => {
  fakeLlm = createFakeLlmClient();
  harness = await createProvidersHarness({ llmClient: fakeLlm.client });
  alice = await harness.newUser();
  bob = await harness.newUser();
});
afterEach(() => harness.close());

/** Creates a provider (instance when `owner` is null) and stores `models` as its listed models. */
async function provider(owner: string | null, body: Partial<CreateProviderBody> & { name: string }, models: string[]) {
  const service = harness.module.service;
  const created = await service.createProvider(owner, {
    kind: 'openai-compatible', baseUrl: `https://${body.name.toLowerCase().replaceAll(' ', '-')}.example/v1`, enabled: true, ...body,
  }, actor());
  fakeLlm.setModels(models.map((name) => ({ name })));
  if (models.length > 0) await service.fetchModels(owner, created.id);
  return created;
}

describe('ProvidersService.findMediaProvider', () => {
  it('resolves null when no enabled provider carries the flag', async () => {
    await provider(null, { name: 'Chat' }, ['gpt-4.1']);
    await provider(null, { name: 'Off Images', enabled: false, flags: { imageOnly: true, imageEditOnly: false, audioOnly: false, secure: false } }, ['dall-e-3']);
    expect(await harness.module.service.findMediaProvider(alice.user.id, 'imageOnly')).toBeNull();
  });

  it('picks the enabled instance provider with the flag and its first visible model, with the decrypted key', async () => {
    await provider(null, { name: 'Audio', flags: { imageOnly: false, imageEditOnly: false, audioOnly: true, secure: false } }, ['whisper-1']);
    const images = await provider(null, {
      name: 'Images', apiKey: 'sk-images-secret', flags: { imageOnly: true, imageEditOnly: false, audioOnly: false, secure: false },
      filters: [{ pattern: 'dall-e-3', action: 'include', priority: 0 }],
    }, ['dall-e-2', 'dall-e-3']);
    const found = await harness.module.service.findMediaProvider(alice.user.id, 'imageOnly');
    expect(found).toEqual({
      providerId: images.id, providerName: 'Images',
      target: { kind: 'openai-compatible', baseUrl: 'https://images.example/v1', apiKey: 'sk-images-secret', model: 'dall-e-3' },
    });
    expect((await harness.module.service.findMediaProvider(alice.user.id, 'audioOnly'))?.target.model).toBe('whisper-1');
    expect(await harness.module.service.findMediaProvider(alice.user.id, 'imageEditOnly')).toBeNull();
  });

  it("prefers the user's own provider while bring-your-own-key is on, and never another user's", async () => {
    const flags = { imageOnly: false, imageEditOnly: false, audioOnly: true, secure: false };
    await provider(null, { name: 'Instance Whisper', flags }, ['whisper-1']);
    await provider(bob.user.id, { name: 'Bob Groq', flags }, ['whisper-large-v3']);
    expect((await harness.module.service.findMediaProvider(alice.user.id, 'audioOnly'))?.providerName).toBe('Instance Whisper');
    expect((await harness.module.service.findMediaProvider(bob.user.id, 'audioOnly'))?.target.model).toBe('whisper-large-v3');
    harness.setByokEnabled(false);
    expect((await harness.module.service.findMediaProvider(bob.user.id, 'audioOnly'))?.providerName).toBe('Instance Whisper');
  });

  it('skips a flagged provider without models for one that has them, and explains when none has any', async () => {
    const flags = { imageOnly: true, imageEditOnly: false, audioOnly: false, secure: false };
    await provider(null, { name: 'A Empty', flags }, []);
    const error = await harness.module.service.findMediaProvider(alice.user.id, 'imageOnly').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'service_unavailable', message: expect.stringContaining('"A Empty" has no visible model') as string,
    });
    await provider(null, { name: 'B Images', flags }, ['flux-schnell']);
    expect((await harness.module.service.findMediaProvider(alice.user.id, 'imageOnly'))?.providerName).toBe('B Images');
  });
});
