import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { brevoIntegration } from './brevo.integration.js';

let brevoDouble: ScriptedDouble;

beforeAll(async () => {
  brevoDouble = await startScriptedDouble();
});
afterAll(() => brevoDouble.close());
beforeEach(() => brevoDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.brevo.com'], origin: brevoDouble.origin }));

describe('brevo credential test', () => {
  it('reads the account', async () => {
    brevoDouble.answer({ json: { email: 'owner@acme.example', firstName: 'Ada', lastName: 'L', companyName: 'Acme', plan: [{ type: 'free', credits: 300 }] } });
    const result = await brevoIntegration.test!({ api_key: 'xkeysib-1' }, context());
    expect(result.message).toBe('Connected to Brevo as Acme (owner@acme.example).');
    expect(brevoDouble.requests[0]).toMatchObject({ method: 'GET', path: '/v3/account' });
    expect(brevoDouble.requests[0]!.headers['api-key']).toBe('xkeysib-1');
  });

  it('fails clearly for a wrong key', async () => {
    brevoDouble.answer({ status: 401, json: { code: 'unauthorized', message: 'Key not found' } });
    await expect(brevoIntegration.test!({ api_key: 'bad' }, context())).rejects.toThrow(/Brevo refused the credential/);
  });
});
