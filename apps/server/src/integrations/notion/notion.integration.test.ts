import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { notionIntegration } from './notion.integration.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.notion.com'], origin: api.origin }));

describe('notion credential test', () => {
  it('reads the bot user (GET /v1/users/me) and names the workspace', async () => {
    api.answer({ json: { object: 'user', id: 'bot-1', name: 'Clara', type: 'bot', bot: { owner: { type: 'workspace', workspace: true }, workspace_name: 'Acme' } } });
    const outcome = await notionIntegration.test!({ api_key: 'secret_notion' }, context());
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/v1/users/me' });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer secret_notion');
    expect(api.requests[0]!.headers['notion-version']).toBe('2022-06-28');
    expect(outcome).toEqual({ message: 'Connected to Notion workspace "Acme" as Clara.', details: { botId: 'bot-1', workspace: 'Acme' } });
  });

  it('fails with a clear message when Notion refuses the secret', async () => {
    api.answer({ status: 401, json: { object: 'error', status: 401, code: 'unauthorized', message: 'API token is invalid.' } });
    await expect(notionIntegration.test!({ api_key: 'secret_wrong' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Notion refused the credential (401): API token is invalid.'),
    });
  });

  it('names a missing secret without calling Notion', async () => {
    await expect(notionIntegration.test!({}, context())).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('"api_key"') });
    expect(api.requests).toHaveLength(0);
  });
});
