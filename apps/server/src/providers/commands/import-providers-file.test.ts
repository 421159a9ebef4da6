import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../platform/errors/app-error.js';
import { createProvidersHarness, type ProvidersHarness } from '../test-support.js';
import { inferProviderKind } from './import-providers-file.js';

let harness: ProvidersHarness;
let folder: string;
beforeEach(async () => {
  harness = await createProvidersHarness();
  folder = mkdtempSync(join(tmpdir(), 'providers-file-'));
});
afterEach(async () => {
  await harness.close();
  rmSync(folder, { recursive: true, force: true });
});

function writeFile(content: unknown): string {
  const path = join(folder, 'providers.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const v2File = {
  providers: [
    {
      name: 'OpenAI', base_url: 'https://api.openai.com/v1', api_key: 'sk-openai-file', enabled: true, secure: true, default_model: 'gpt-4o',
      filters: [{ pattern: 'gpt-4o*', action: 'include', priority: 10 }, { pattern: 'gpt-3.5-turbo', action: 'include', priority: 5 }],
      model_aliases: { 'fast-chat': { actual_model: 'gpt-4o-mini', display_name: 'Fast', description: 'Quick answers', supports_vision: true } },
    },
    { name: 'Anthropic', base_url: 'https://api.anthropic.com/v1', api_key: 'sk-ant-file', enabled: true, filters: [{ pattern: 'claude-3-*', action: 'include', priority: 10 }] },
    { name: 'Gemini', base_url: 'https://generativelanguage.googleapis.com/v1beta', api_key: '', enabled: false },
    { name: 'Groq', base_url: 'https://api.groq.com/openai/v1', api_key: 'gsk', enabled: true, audio_only: true },
    { name: 'DALL-E', base_url: 'https://api.openai.com/v1', api_key: 'sk-img', enabled: true, image_only: true, favicon: 'https://x/y.png', system_prompt: 'Draw' },
  ],
};

describe('ProvidersService.importProvidersFile', () => {
  it('imports a v2 providers.json: kinds, flags, encrypted keys, filters and aliases', async () => {
    const result = await harness.module.service.importProvidersFile(writeFile(v2File));
    expect(result).toEqual({ imported: 5, skipped: false });
    const providers = await harness.module.service.listProviders(null);
    expect(providers.map((provider) => [provider.name, provider.kind, provider.enabled, provider.hasApiKey])).toEqual([
      ['Anthropic', 'anthropic', true, true], ['DALL-E', 'openai', true, true], ['Gemini', 'google', false, false],
      ['Groq', 'openai-compatible', true, true], ['OpenAI', 'openai', true, true],
    ]);
    const openAi = providers.find((provider) => provider.name === 'OpenAI')!;
    expect(openAi.flags).toEqual({ imageOnly: false, imageEditOnly: false, audioOnly: false, secure: true });
    expect(openAi.filters).toHaveLength(2);
    expect(providers.find((provider) => provider.name === 'Groq')!.flags.audioOnly).toBe(true);
    expect(providers.find((provider) => provider.name === 'DALL-E')).toMatchObject({ flags: { imageOnly: true }, systemPrompt: 'Draw' });
    const rows = await harness.app.database.db.selectFrom('providers').select(['id', 'api_key_ciphertext']).where('name', '=', 'OpenAI').executeTakeFirstOrThrow();
    expect(rows.api_key_ciphertext).not.toContain('sk-openai-file');
    expect(harness.app.cipher.decrypt(rows.api_key_ciphertext!, { userId: 'instance', recordId: rows.id })).toBe('sk-openai-file');

    const resolved = await harness.module.service.resolveModel(harness.admin.user.id, 'fast-chat');
    expect(resolved.target).toEqual({ kind: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-openai-file', model: 'gpt-4o-mini' });
    expect(resolved.model.displayName).toBe('Fast');
    expect(harness.logLines.join('\n')).not.toContain('sk-');
  });

  it('does nothing once the instance has providers', async () => {
    await harness.module.service.createProvider(null, { name: 'Existing', kind: 'openai', baseUrl: 'https://api.openai.com/v1', enabled: true }, { userId: harness.admin.user.id, ip: '' });
    expect(await harness.module.service.importProvidersFile(writeFile(v2File))).toEqual({ imported: 0, skipped: true });
    expect((await harness.module.service.listProviders(null)).map((provider) => provider.name)).toEqual(['Existing']);
  });

  it('refuses an invalid file, listing every problem, and imports nothing', async () => {
    const bad = {
      providers: [
        { name: 'A', base_url: 'ftp://example.com', api_key: 'x', enabled: true },
        { name: '', base_url: 'https://ok.example', enabled: 'yes' },
        { name: 'B', base_url: 'https://ok.example', filters: [{ pattern: 'x', action: 'keep' }], surprise: 1 },
        { name: 'C', base_url: 'https://ok.example', model_aliases: { 'bad alias': { actual_model: 'm' } } },
      ],
    };
    const error = await harness.module.service.importProvidersFile(writeFile(bad)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as Error).message;
    for (const expected of ['providers.0.base_url', 'providers.1.name', 'providers.1.enabled', 'providers.2.filters.0.action', 'surprise', 'bad alias']) {
      expect(message).toContain(expected);
    }
    const duplicates = { providers: [{ name: 'Same', base_url: 'https://a.example' }, { name: 'same', base_url: 'https://b.example' }] };
    await expect(harness.module.service.importProvidersFile(writeFile(duplicates))).rejects.toThrow(/providers\.1\.name: Duplicate provider name "same"/);
    expect(await harness.module.service.listProviders(null)).toEqual([]);
    await expect(harness.module.service.importProvidersFile(writeFile('{ not json'))).rejects.toThrow(/Cannot read the providers file/);
    await expect(harness.module.service.importProvidersFile(join(folder, 'missing.json'))).rejects.toThrow(/Cannot read the providers file/);
  });

  it('infers the provider kind from the host', () => {
    expect(inferProviderKind('https://api.anthropic.com/v1')).toBe('anthropic');
    expect(inferProviderKind('https://generativelanguage.googleapis.com/v1beta/openai')).toBe('google');
    expect(inferProviderKind('https://api.openai.com/v1')).toBe('openai');
    expect(inferProviderKind('http://127.0.0.1:11434/v1')).toBe('openai-compatible');
    expect(inferProviderKind('https://api.openai.com.evil.example/v1')).toBe('openai-compatible');
  });
});
