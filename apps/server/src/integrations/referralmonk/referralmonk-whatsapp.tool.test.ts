import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { referralmonkWhatsappTool } from './referralmonk-whatsapp.tool.js';

const credential = { api_token: 'rm-token', api_secret: 'rm-secret' };
let monkDouble: ScriptedDouble;

beforeAll(async () => {
  monkDouble = await startScriptedDouble();
});
afterAll(() => monkDouble.close());
beforeEach(() => monkDouble.reset());

function contextWith(values: Record<string, string> = credential) {
  return createIntegrationTestContext({ baseUrls: ['https://ahaguru.referralmonk.com'], origin: monkDouble.origin, credentials: { referralmonk: values } });
}

describe('referralmonk_whatsapp', () => {
  it('posts the template with its parameters to the campaign API with both key headers', async () => {
    monkDouble.answer({ json: { success: true, campaign_id: 'c-1' } });
    const output = await runTool(
      referralmonkWhatsappTool,
      { mobile: '+91 75500 02919', template_name: 'demo_session_01', param_1: 'Ada', param_2: 'https://x.example/l', external_message_id: 'm-1' },
      contextWith(),
    );
    const [request] = monkDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api/campaign' });
    expect(request!.headers['api-token']).toBe('rm-token');
    expect(request!.headers['api-secret']).toBe('rm-secret');
    expect(request!.body).toEqual({
      template_name: 'demo_session_01',
      channel: 'whatsapp',
      recipients: [{
        mobile: '917550002919',
        language: 'en',
        externalMessageId: 'm-1',
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }, { type: 'text', text: 'https://x.example/l' }] }],
      }],
    });
    expect(output.result).toEqual({ sent: true, mobile: '917550002919', templateName: 'demo_session_01', language: 'en', externalMessageId: 'm-1', status: 200, response: { success: true, campaign_id: 'c-1' } });
  });

  it('generates an external message id when none is given', async () => {
    monkDouble.answer({ json: { success: true } });
    const output = await runTool(referralmonkWhatsappTool, { mobile: '917550002919', template_name: 't' }, contextWith());
    const sentId = (monkDouble.requests[0]!.body as { recipients: Array<{ externalMessageId: string }> }).recipients[0]!.externalMessageId;
    expect(sentId).toMatch(/^msg_[0-9a-f-]{36}$/);
    expect(output.result).toMatchObject({ externalMessageId: sentId });
  });

  it('says ReferralMonk refused the credential on 401', async () => {
    monkDouble.answer({ status: 401, json: { message: 'Invalid API token' } });
    await expect(runTool(referralmonkWhatsappTool, { mobile: '917550002919', template_name: 't' }, contextWith())).rejects.toThrow(/ReferralMonk refused the credential \(401\): Invalid API token/);
  });

  it('waits out a 429 with Retry-After and sends again once', async () => {
    monkDouble.answer({ status: 429, headers: { 'retry-after': '1' }, json: { message: 'slow down' } }, { json: { success: true } });
    await runTool(referralmonkWhatsappTool, { mobile: '917550002919', template_name: 't' }, contextWith());
    expect(monkDouble.requests).toHaveLength(2);
  });

  it('refuses an HTML page where JSON should be', async () => {
    monkDouble.answer(htmlAnswer);
    await expect(runTool(referralmonkWhatsappTool, { mobile: '917550002919', template_name: 't' }, contextWith())).rejects.toThrow(/HTML page instead of JSON/);
  });

  it('names a missing secret and refuses a malformed number, sending nothing', async () => {
    await expect(runTool(referralmonkWhatsappTool, { mobile: '917550002919', template_name: 't' }, contextWith({ api_token: 'x' }))).rejects.toThrow(/"api_secret"/);
    await expect(runTool(referralmonkWhatsappTool, { mobile: 'call me', template_name: 't' }, contextWith())).rejects.toThrow(/country code/);
    expect(monkDouble.requests).toHaveLength(0);
  });
});
