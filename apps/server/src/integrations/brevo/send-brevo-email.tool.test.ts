import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { sendBrevoEmailTool } from './send-brevo-email.tool.js';

const credential = { api_key: 'xkeysib-1', from_email: 'hello@acme.example', from_name: 'Acme' };
const created = { status: 201, json: { messageId: '<202501011200.123@smtp-relay.mailin.fr>' } };
let brevoDouble: ScriptedDouble;

beforeAll(async () => {
  brevoDouble = await startScriptedDouble();
});
afterAll(() => brevoDouble.close());
beforeEach(() => brevoDouble.reset());

function contextWith(values: Record<string, string> = credential) {
  return createIntegrationTestContext({ baseUrls: ['https://api.brevo.com'], origin: brevoDouble.origin, credentials: { brevo: values } });
}

describe('send_brevo_email', () => {
  it('posts to v3/smtp/email with the api-key header and Brevo\'s field names', async () => {
    brevoDouble.answer(created);
    const output = await runTool(
      sendBrevoEmailTool,
      { to: ['ada@example.com'], cc: 'bob@example.com', subject: 'Welcome', html_content: '<h1>Hi</h1>', text_content: 'Hi', reply_to: 'help@acme.example', tags: ['onboarding'], attachments: [{ content: 'aGk=', name: 'hi.txt' }] },
      contextWith(),
    );
    const [request] = brevoDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v3/smtp/email' });
    expect(request!.headers['api-key']).toBe('xkeysib-1');
    expect(request!.body).toEqual({
      sender: { email: 'hello@acme.example', name: 'Acme' },
      to: [{ email: 'ada@example.com' }],
      cc: [{ email: 'bob@example.com' }],
      replyTo: { email: 'help@acme.example' },
      subject: 'Welcome',
      htmlContent: '<h1>Hi</h1>',
      textContent: 'Hi',
      tags: ['onboarding'],
      attachment: [{ content: 'aGk=', name: 'hi.txt' }],
    });
    expect(output.result).toEqual({ sent: true, messageId: '<202501011200.123@smtp-relay.mailin.fr>', to: ['ada@example.com'], cc: ['bob@example.com'], from: 'hello@acme.example', subject: 'Welcome' });
  });

  it('says Brevo refused the credential on 401', async () => {
    brevoDouble.answer({ status: 401, json: { code: 'unauthorized', message: 'Key not found' } });
    await expect(runTool(sendBrevoEmailTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith())).rejects.toThrow(/Brevo refused the credential \(401\): Key not found/);
  });

  it('waits out a 429 with Retry-After and sends again once', async () => {
    brevoDouble.answer({ status: 429, headers: { 'retry-after': '1' }, json: { code: 'too_many_requests', message: 'rate limited' } }, created);
    await runTool(sendBrevoEmailTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith());
    expect(brevoDouble.requests).toHaveLength(2);
  });

  it('refuses an HTML page where JSON should be', async () => {
    brevoDouble.answer(htmlAnswer);
    await expect(runTool(sendBrevoEmailTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith())).rejects.toThrow(/HTML page instead of JSON/);
  });

  it('rejects a missing key or sender before sending', async () => {
    await expect(runTool(sendBrevoEmailTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith({ from_email: 'a@b.example' }))).rejects.toThrow(/"api_key"/);
    await expect(runTool(sendBrevoEmailTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith({ api_key: 'k' }))).rejects.toThrow(/Give from_email/);
    expect(brevoDouble.requests).toHaveLength(0);
  });
});
