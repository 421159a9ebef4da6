import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { restApiIntegration } from './rest_api.integration.js';

const credential = { base_url: 'https://api.example.com/v1', auth_type: 'basic', auth_value: 'ada:pw' };
let apiDouble: ScriptedDouble;

beforeAll(async () => {
  apiDouble = await startScriptedDouble();
});
afterAll(() => apiDouble.close());
beforeEach(() => apiDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.example.com'], origin: apiDouble.origin }));

describe('rest api credential test', () => {
  it('GETs the base URL with the credential\'s auth', async () => {
    apiDouble.answer({ json: { version: '1.4' } });
    const result = await restApiIntegration.test!(credential, context());
    expect(result.message).toBe('Connected to api.example.com (GET /v1/ answered 200).');
    expect(apiDouble.requests[0]).toMatchObject({ method: 'GET', path: '/v1/' });
    expect(apiDouble.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ada:pw').toString('base64')}`);
  });

  it('takes a 404 at the root as reachable, and a 401 as a refused credential', async () => {
    apiDouble.answer({ status: 404, json: { error: 'not found' } });
    expect((await restApiIntegration.test!(credential, context())).message).toMatch(/answered 404/);
    apiDouble.answer({ status: 401, json: { error: 'bad credentials' } });
    await expect(restApiIntegration.test!(credential, context())).rejects.toThrow(/refused the credential \(401\)/);
  });
});
