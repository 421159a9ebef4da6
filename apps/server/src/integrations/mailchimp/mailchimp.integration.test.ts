import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { mailchimpIntegration } from './mailchimp.integration.js';

const key = '0123456789abcdef0123456789abcdef-us21';
let chimpDouble: ScriptedDouble;

beforeAll(async () => {
  chimpDouble = await startScriptedDouble();
});
afterAll(() => chimpDouble.close());
beforeEach(() => chimpDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://us21.api.mailchimp.com'], origin: chimpDouble.origin }));

describe('mailchimp credential test', () => {
  it('reads the API root of the key\'s data center', async () => {
    chimpDouble.answer({ json: { account_name: 'Acme', email: 'owner@acme.example' } });
    const result = await mailchimpIntegration.test!({ api_key: key }, context());
    expect(result.message).toBe('Connected to Mailchimp account "Acme" (owner@acme.example).');
    expect(chimpDouble.requests[0]).toMatchObject({ method: 'GET', path: '/3.0/', query: { fields: 'account_name,email' } });
  });

  it('fails clearly for a wrong key', async () => {
    chimpDouble.answer({ status: 401, json: { title: 'API Key Invalid', detail: 'Your API key may be invalid.' } });
    await expect(mailchimpIntegration.test!({ api_key: key }, context())).rejects.toThrow(/Mailchimp refused the credential/);
  });
});
