import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { linearIntegration } from './linear.integration.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.linear.app'], origin: api.origin }));

describe('linear credential test', () => {
  it('asks for the viewer ({ viewer { id name email } })', async () => {
    api.answer({ json: { data: { viewer: { id: 'u-1', name: 'Ada', email: 'ada@example.com' } } } });
    const outcome = await linearIntegration.test!({ api_key: 'lin_api_abc' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/graphql', body: { query: '{ viewer { id name email } }', variables: {} } });
    expect(api.requests[0]!.headers.authorization).toBe('lin_api_abc');
    expect(outcome).toEqual({ message: 'Connected to Linear as Ada (ada@example.com).', details: { userId: 'u-1' } });
  });

  it('fails clearly on an authentication error in the answer', async () => {
    api.answer({ json: { data: null, errors: [{ message: 'Authentication required, not authenticated', extensions: { type: 'authentication error' } }] } });
    await expect(linearIntegration.test!({ api_key: 'lin_api_wrong' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Linear refused the credential (200): Authentication required, not authenticated'),
    });
  });
});
