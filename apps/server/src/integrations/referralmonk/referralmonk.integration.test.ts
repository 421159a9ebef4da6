import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { referralmonkIntegration } from './referralmonk.integration.js';

let monkDouble: ScriptedDouble;

beforeAll(async () => {
  monkDouble = await startScriptedDouble();
});
afterAll(() => monkDouble.close());
beforeEach(() => monkDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://ahaguru.referralmonk.com'], origin: monkDouble.origin }));

describe('referralmonk credential test', () => {
  it('sends a campaign with no recipients and takes a 400 as accepted credentials', async () => {
    monkDouble.answer({ status: 400, json: { message: 'recipients must not be empty' } });
    const result = await referralmonkIntegration.test!({ api_token: 'rm-token', api_secret: 'rm-secret' }, context());
    expect(result.message).toMatch(/token and secret were accepted/);
    expect(monkDouble.requests[0]).toMatchObject({ method: 'POST', path: '/api/campaign', body: { template_name: 'credential_check', channel: 'whatsapp', recipients: [] } });
    expect(monkDouble.requests[0]!.headers['api-secret']).toBe('rm-secret');
  });

  it('fails clearly on 403', async () => {
    monkDouble.answer({ status: 403, json: { message: 'Forbidden' } });
    await expect(referralmonkIntegration.test!({ api_token: 'x', api_secret: 'y' }, context())).rejects.toThrow(/ReferralMonk refused the credential \(403\)/);
  });
});
