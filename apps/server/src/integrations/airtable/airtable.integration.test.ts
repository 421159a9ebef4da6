import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { airtableIntegration } from './airtable.integration.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.airtable.com'], origin: api.origin }));

describe('airtable credential test', () => {
  it('asks who the token belongs to (GET /v0/meta/whoami)', async () => {
    api.answer({ json: { id: 'usrAda00000000001', email: 'ada@example.com', scopes: ['data.records:read'] } });
    const outcome = await airtableIntegration.test!({ api_key: 'patTOKEN.secret' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/v0/meta/whoami' });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer patTOKEN.secret');
    expect(outcome).toEqual({ message: 'Connected to Airtable as ada@example.com.', details: { userId: 'usrAda00000000001', scopes: ['data.records:read'] } });
  });

  it('fails clearly when Airtable refuses the token', async () => {
    api.answer({ status: 401, json: { error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' } } });
    await expect(airtableIntegration.test!({ api_key: 'patWRONG' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Airtable refused the credential (401)'),
    });
  });

  it('checks the default base id field', () => {
    const field = airtableIntegration.fields.find((candidate) => candidate.key === 'base_id')!;
    expect(field.validate!('appAbc123456789012')).toBeNull();
    expect(field.validate!('https://evil.example')).toMatch(/starts with "app"/);
  });
});
