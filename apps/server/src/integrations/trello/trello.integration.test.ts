import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { trelloIntegration } from './trello.integration.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.trello.com'], origin: api.origin }));

describe('trello credential test', () => {
  it('reads the token\'s member (GET /1/members/me)', async () => {
    api.answer({ json: { id: 'm1', username: 'ada', fullName: 'Ada Lovelace' } });
    const outcome = await trelloIntegration.test!({ api_key: 'trello-key', token: 'trello-token' }, context());
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/1/members/me' });
    expect(api.requests[0]!.query).toEqual({ fields: 'username,fullName', key: 'trello-key', token: 'trello-token' });
    expect(outcome).toEqual({ message: 'Connected to Trello as Ada Lovelace (@ada).', details: { memberId: 'm1', username: 'ada' } });
  });

  it('fails clearly when Trello refuses the key', async () => {
    api.answer({ status: 401, headers: { 'content-type': 'text/plain' }, text: 'invalid key' });
    await expect(trelloIntegration.test!({ api_key: 'nope', token: 'trello-token' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Trello refused the credential (401): invalid key'),
    });
  });

  it('names a missing field without calling Trello', async () => {
    await expect(trelloIntegration.test!({ token: 't' }, context())).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('"api_key"') });
    expect(api.requests).toHaveLength(0);
  });
});
