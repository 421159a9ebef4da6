import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { teamsIntegration } from './teams.integration.js';

const webhook = 'https://acme.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456';
let teamsDouble: ScriptedDouble;

beforeAll(async () => {
  teamsDouble = await startScriptedDouble();
});
afterAll(() => teamsDouble.close());
beforeEach(() => teamsDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://acme.webhook.office.com'], origin: teamsDouble.origin }));

describe('teams credential test', () => {
  it('posts a test card and reports success', async () => {
    teamsDouble.answer({ headers: { 'content-type': 'text/plain' }, text: '1' });
    const result = await teamsIntegration.test!({ webhook_url: webhook }, context());
    expect(result.message).toMatch(/Connected to the Teams webhook/);
    expect(teamsDouble.requests[0]!.body).toMatchObject({ '@type': 'MessageCard', title: 'ClaraVerse', text: 'Connection test: this webhook works.' });
  });

  it('fails clearly for a removed connector', async () => {
    teamsDouble.answer({ status: 404, headers: { 'content-type': 'text/plain' }, text: 'Webhook not found' });
    await expect(teamsIntegration.test!({ webhook_url: webhook }, context())).rejects.toThrow(/Microsoft Teams found nothing there \(404\)/);
  });

  it('accepts Teams connector and Workflows URLs only', () => {
    const validate = teamsIntegration.fields[0]!.validate!;
    expect(validate(webhook)).toBeNull();
    expect(validate('https://prod-12.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x')).toBeNull();
    expect(validate('https://example.com/webhookb2/x')).toMatch(/must be a Teams/);
    expect(validate('http://acme.webhook.office.com/webhookb2/x')).toMatch(/must be a Teams/);
  });
});
