import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { twilioIntegration } from './twilio.integration.js';

const sid = `AC${'c3'.repeat(16)}`;
let twilioDouble: ScriptedDouble;

beforeAll(async () => {
  twilioDouble = await startScriptedDouble();
});
afterAll(() => twilioDouble.close());
beforeEach(() => twilioDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.twilio.com'], origin: twilioDouble.origin }));

describe('twilio credential test', () => {
  it('reads the account with Basic auth', async () => {
    twilioDouble.answer({ json: { sid, friendly_name: 'Acme', status: 'active', type: 'Full' } });
    const result = await twilioIntegration.test!({ account_sid: sid, auth_token: 'tok' }, context());
    expect(result.message).toBe('Connected to Twilio account "Acme" (active).');
    expect(twilioDouble.requests[0]).toMatchObject({ method: 'GET', path: `/2010-04-01/Accounts/${sid}.json` });
    expect(twilioDouble.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${sid}:tok`).toString('base64')}`);
  });

  it('fails clearly for a wrong token', async () => {
    twilioDouble.answer({ status: 401, json: { code: 20003, message: 'Authenticate', status: 401 } });
    await expect(twilioIntegration.test!({ account_sid: sid, auth_token: 'bad' }, context())).rejects.toThrow(/Twilio refused the credential/);
  });
});
