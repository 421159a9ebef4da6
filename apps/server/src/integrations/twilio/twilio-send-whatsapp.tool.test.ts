import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { twilioSendWhatsappTool } from './twilio-send-whatsapp.tool.js';

const sid = `AC${'b2'.repeat(16)}`;
const credential = { account_sid: sid, auth_token: 'tw-token', from_number: '+14155238886' };
const created = { sid: 'SMw1', status: 'queued', to: 'whatsapp:+14155550100', from: 'whatsapp:+14155238886' };
let twilioDouble: ScriptedDouble;

beforeAll(async () => {
  twilioDouble = await startScriptedDouble();
});
afterAll(() => twilioDouble.close());
beforeEach(() => twilioDouble.reset());

function contextWith(values: Record<string, string> = credential) {
  return createIntegrationTestContext({ baseUrls: ['https://api.twilio.com'], origin: twilioDouble.origin, credentials: { twilio: values } });
}

describe('twilio_send_whatsapp', () => {
  it('sends through the Messages API with whatsapp: numbers', async () => {
    twilioDouble.answer({ status: 201, json: created });
    const output = await runTool(twilioSendWhatsappTool, { to: 'whatsapp:+14155550100', body: 'Your code is 1234' }, contextWith());
    expect(output.result).toMatchObject({ sent: true, messageSid: 'SMw1', status: 'queued', to: 'whatsapp:+14155550100' });
    const [request] = twilioDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/2010-04-01/Accounts/${sid}/Messages.json` });
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`${sid}:tw-token`).toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(request!.rawBody.toString('utf8')))).toEqual({
      To: 'whatsapp:+14155550100',
      From: 'whatsapp:+14155238886',
      Body: 'Your code is 1234',
    });
  });

  it('says Twilio refused the credential on 401, and retries a 429 once', async () => {
    twilioDouble.answer({ status: 401, json: { code: 20003, message: 'Authenticate', status: 401 } });
    await expect(runTool(twilioSendWhatsappTool, { to: '+14155550100', body: 'x' }, contextWith())).rejects.toThrow(/Twilio refused the credential/);
    twilioDouble.reset();
    twilioDouble.answer({ status: 429, headers: { 'retry-after': '1' }, json: { code: 20429, message: 'Too Many Requests' } }, { status: 201, json: created });
    await runTool(twilioSendWhatsappTool, { to: '+14155550100', body: 'x' }, contextWith());
    expect(twilioDouble.requests).toHaveLength(2);
  });

  it('needs a sender before sending', async () => {
    await expect(runTool(twilioSendWhatsappTool, { to: '+14155550100', body: 'x' }, contextWith({ account_sid: sid, auth_token: 't' }))).rejects.toThrow(/Give a from number/);
    expect(twilioDouble.requests).toHaveLength(0);
  });
});
