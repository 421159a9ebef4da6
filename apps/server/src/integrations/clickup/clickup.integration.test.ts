import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { clickupIntegration } from './clickup.integration.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.clickup.com'], origin: api.origin }));

describe('clickup credential test', () => {
  it('reads the token\'s user (GET /api/v2/user)', async () => {
    api.answer({ json: { user: { id: 183, username: 'Ada', email: 'ada@example.com', color: '#000' } } });
    const outcome = await clickupIntegration.test!({ api_key: 'pk_123_ABC' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/user' });
    expect(api.requests[0]!.headers.authorization).toBe('pk_123_ABC');
    expect(outcome).toEqual({ message: 'Connected to ClickUp as Ada.', details: { userId: 183 } });
  });

  it('fails clearly when ClickUp refuses the token', async () => {
    api.answer({ status: 401, json: { err: 'Token invalid', ECODE: 'OAUTH_025' } });
    await expect(clickupIntegration.test!({ api_key: 'pk_wrong' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('ClickUp refused the credential (401): Token invalid'),
    });
  });
});
