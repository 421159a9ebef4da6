import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { sendgridIntegration } from './sendgrid.integration.js';

let sendgridDouble: ScriptedDouble;

beforeAll(async () => {
  sendgridDouble = await startScriptedDouble();
});
afterAll(() => sendgridDouble.close());
beforeEach(() => sendgridDouble.reset());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: ['https://api.sendgrid.com'], origin: sendgridDouble.origin }));

describe('sendgrid credential test', () => {
  it('reads the key\'s scopes and confirms mail.send', async () => {
    sendgridDouble.answer({ json: { scopes: ['mail.send', 'user.profile.read'] } });
    const result = await sendgridIntegration.test!({ api_key: 'SG.k' }, context());
    expect(result.message).toBe('Connected to SendGrid; the API key may send mail (2 permissions).');
    expect(sendgridDouble.requests[0]).toMatchObject({ method: 'GET', path: '/v3/scopes' });
    expect(sendgridDouble.requests[0]!.headers.authorization).toBe('Bearer SG.k');
  });

  it('fails for a key without mail.send, and for a revoked key', async () => {
    sendgridDouble.answer({ json: { scopes: ['user.profile.read'] } });
    await expect(sendgridIntegration.test!({ api_key: 'SG.k' }, context())).rejects.toThrow(/Mail Send permission/);
    sendgridDouble.answer({ status: 401, json: { errors: [{ message: 'authorization required' }] } });
    await expect(sendgridIntegration.test!({ api_key: 'SG.k' }, context())).rejects.toThrow(/SendGrid refused the credential/);
  });
});
