import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { twilioSendSmsTool } from './twilio-send-sms.tool.js';

const sid = `AC${'a1'.repeat(16)}`;
const credential = { account_sid: sid, auth_token: 'tw-token', from_number: '+15005550006' };
const created = { sid: 'SM123', status: 'queued', to: '+14155550100', from: '+15005550006', body: 'Hello', num_segments: '1', error_code: null, error_message: null };
let twilioDouble: ScriptedDouble;

beforeAll(async () => {
  twilioDouble = await startScriptedDouble();
});
afterAll(() => twilioDouble.close());
beforeEach(() => twilioDouble.reset());

function contextWith(values: Record<string, string> = credential) {
  return createIntegrationTestContext({ baseUrls: ['https://api.twilio.com'], origin: twilioDouble.origin, credentials: { twilio: values } });
}
const form = (index = 0) => Object.fromEntries(new URLSearchParams(twilioDouble.requests[index]!.rawBody.toString('utf8')));

describe('twilio_send_sms', () => {
  it('posts a form to the account\'s Messages.json with Basic auth and returns the SID and status', async () => {
    twilioDouble.answer({ status: 201, json: created });
    const output = await runTool(twilioSendSmsTool, { to: '+14155550100', body: 'Hello' }, contextWith());
    expect(output.result).toEqual({ sent: true, messageSid: 'SM123', status: 'queued', to: '+14155550100', from: '+15005550006', segments: 1 });
    const [request] = twilioDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/2010-04-01/Accounts/${sid}/Messages.json` });
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`${sid}:tw-token`).toString('base64')}`);
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form()).toEqual({ To: '+14155550100', From: '+15005550006', Body: 'Hello' });
  });

  it('uses the given from number and media URL', async () => {
    twilioDouble.answer({ status: 201, json: created });
    await runTool(twilioSendSmsTool, { to: '+14155550100', body: 'Pic', from: '+15005550001', media_url: 'https://example.com/a.png' }, contextWith());
    expect(form()).toEqual({ To: '+14155550100', From: '+15005550001', Body: 'Pic', MediaUrl: 'https://example.com/a.png' });
  });

  it('says Twilio refused the credential on 401', async () => {
    twilioDouble.answer({ status: 401, json: { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 } });
    await expect(runTool(twilioSendSmsTool, { to: '+14155550100', body: 'x' }, contextWith())).rejects.toThrow(/Twilio refused the credential \(401\): Authenticate/);
  });

  it('passes on Twilio\'s reason for a refused number', async () => {
    twilioDouble.answer({ status: 400, json: { code: 21211, message: "The 'To' number +1415 is not a valid phone number.", status: 400 } });
    await expect(runTool(twilioSendSmsTool, { to: '+14155550100', body: 'x' }, contextWith())).rejects.toThrow(/not a valid phone number/);
  });

  it('waits out a 429 with Retry-After and sends again once', async () => {
    twilioDouble.answer({ status: 429, headers: { 'retry-after': '1' }, json: { code: 20429, message: 'Too Many Requests', status: 429 } }, { status: 201, json: created });
    await runTool(twilioSendSmsTool, { to: '+14155550100', body: 'x' }, contextWith());
    expect(twilioDouble.requests).toHaveLength(2);
  });

  it('refuses an HTML page where JSON should be', async () => {
    twilioDouble.answer(htmlAnswer);
    await expect(runTool(twilioSendSmsTool, { to: '+14155550100', body: 'x' }, contextWith())).rejects.toThrow(/HTML page instead of JSON/);
  });

  it('rejects a missing token, a bad SID, no sender and a bad number before sending', async () => {
    await expect(runTool(twilioSendSmsTool, { to: '+14155550100', body: 'x' }, contextWith({ account_sid: sid }))).rejects.toThrow(/"auth_token"/);
    await expect(runTool(twilioSendSmsTool, { to: '+14155550100', body: 'x' }, contextWith({ account_sid: 'AC/../x', auth_token: 't' }))).rejects.toThrow(/Account SID is not valid/);
    await expect(runTool(twilioSendSmsTool, { to: '+14155550100', body: 'x' }, contextWith({ account_sid: sid, auth_token: 't' }))).rejects.toThrow(/Give a from number/);
    await expect(runTool(twilioSendSmsTool, { to: '0415', body: 'x' }, contextWith())).rejects.toThrow(/E.164/);
    expect(twilioDouble.requests).toHaveLength(0);
  });
});
