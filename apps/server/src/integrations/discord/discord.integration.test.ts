import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { discordIntegration } from './discord.integration.js';

const webhook = 'https://discord.com/api/webhooks/111/tok-en';
let discordDouble: ScriptedDouble;

beforeAll(async () => {
  discordDouble = await startScriptedDouble();
});
afterAll(() => discordDouble.close());
beforeEach(() => discordDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://discord.com'], origin: discordDouble.origin }));

describe('discord credential test', () => {
  it('reads the webhook (GET, nothing posted) and names it', async () => {
    discordDouble.answer({ json: { id: '111', type: 1, name: 'Alerts', channel_id: '222', guild_id: '333', token: 'tok-en' } });
    const result = await discordIntegration.test!({ webhook_url: webhook }, context());
    expect(result.message).toBe('Connected to Discord webhook "Alerts" (channel 222).');
    expect(discordDouble.requests[0]).toMatchObject({ method: 'GET', path: '/api/webhooks/111/tok-en' });
  });

  it('fails clearly for a deleted webhook', async () => {
    discordDouble.answer({ status: 404, json: { message: 'Unknown Webhook', code: 10015 } });
    await expect(discordIntegration.test!({ webhook_url: webhook }, context())).rejects.toThrow(/Discord found nothing there \(404\): Unknown Webhook/);
  });

  it('accepts only Discord webhook URLs', () => {
    const validate = discordIntegration.fields[0]!.validate!;
    expect(validate(webhook)).toBeNull();
    expect(validate('https://discordapp.com/api/webhooks/1/x')).toBeNull();
    expect(validate('https://discord.com/api/other/1/x')).toMatch(/must look like/);
    expect(validate('https://127.0.0.1/api/webhooks/1/x')).toMatch(/must look like/);
  });
});
