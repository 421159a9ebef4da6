import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { calendlyIntegration } from './calendly.integration.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.calendly.com'], origin: api.origin }));

describe('calendly credential test', () => {
  it('reads the token\'s user (GET /users/me)', async () => {
    api.answer({ json: { resource: { uri: 'https://api.calendly.com/users/AAAA1111', name: 'Ada', email: 'ada@example.com' } } });
    const outcome = await calendlyIntegration.test!({ api_key: 'calendly-pat' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/users/me' });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer calendly-pat');
    expect(outcome).toEqual({ message: 'Connected to Calendly as Ada (ada@example.com).', details: { userUri: 'https://api.calendly.com/users/AAAA1111' } });
  });

  it('fails clearly when Calendly refuses the token', async () => {
    api.answer({ status: 401, json: { title: 'Unauthenticated', message: 'The access token is invalid' } });
    await expect(calendlyIntegration.test!({ api_key: 'wrong' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Calendly refused the credential (401): The access token is invalid'),
    });
  });
});
