import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { sendEmailTool } from './send-email.tool.js';

const credential = { api_key: 'SG.key-1', from_email: 'noreply@acme.example' };
const accepted = { status: 202, headers: { 'x-message-id': 'msg-abc' }, text: '' };
let sendgridDouble: ScriptedDouble;

beforeAll(async () => {
  sendgridDouble = await startScriptedDouble();
});
afterAll(() => sendgridDouble.close());
beforeEach(() => sendgridDouble.reset());

function contextWith(values: Record<string, string> = credential) {
  return createIntegrationTestContext({ baseUrls: ['https://api.sendgrid.com'], origin: sendgridDouble.origin, credentials: { sendgrid: values } });
}

describe('send_email', () => {
  it('posts a v3 mail/send body with personalizations, both contents, reply-to and a base64 attachment', async () => {
    sendgridDouble.answer(accepted);
    const output = await runTool(
      sendEmailTool,
      {
        to: 'ada@example.com, bob@example.com',
        cc: ['carol@example.com', 'ada@example.com'],
        bcc: 'dan@example.com',
        subject: 'Report',
        text_content: 'See attached.',
        html_content: '<p>See attached.</p>',
        from_name: 'Clara',
        reply_to: 'team@acme.example',
        attachments: [{ content: Buffer.from('a,b\n1,2').toString('base64'), filename: 'data.csv', type: 'text/csv' }],
      },
      contextWith(),
    );
    const [request] = sendgridDouble.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v3/mail/send' });
    expect(request!.headers.authorization).toBe('Bearer SG.key-1');
    expect(request!.body).toEqual({
      personalizations: [{ to: [{ email: 'ada@example.com' }, { email: 'bob@example.com' }], cc: [{ email: 'carol@example.com' }], bcc: [{ email: 'dan@example.com' }] }],
      from: { email: 'noreply@acme.example', name: 'Clara' },
      reply_to: { email: 'team@acme.example' },
      subject: 'Report',
      content: [{ type: 'text/plain', value: 'See attached.' }, { type: 'text/html', value: '<p>See attached.</p>' }],
      attachments: [{ content: Buffer.from('a,b\n1,2').toString('base64'), filename: 'data.csv', type: 'text/csv', disposition: 'attachment' }],
    });
    expect(output.result).toEqual({
      sent: true, messageId: 'msg-abc', to: ['ada@example.com', 'bob@example.com'], cc: ['carol@example.com'], bccCount: 1,
      from: 'noreply@acme.example', subject: 'Report', attachments: ['data.csv'],
    });
  });

  it('downloads file_url through the guarded client and attaches it', async () => {
    sendgridDouble.answer({ headers: { 'content-type': 'application/pdf' }, text: '%PDF-1.4 tiny' }, accepted);
    await runTool(sendEmailTool, { to: 'ada@example.com', subject: 'Doc', text_content: 'Here.', file_url: `${sendgridDouble.origin}/files/q3%20report.pdf` }, contextWith());
    expect(sendgridDouble.requests[0]).toMatchObject({ method: 'GET', path: '/files/q3%20report.pdf' });
    expect((sendgridDouble.requests[1]!.body as { attachments: unknown[] }).attachments).toEqual([
      { content: Buffer.from('%PDF-1.4 tiny').toString('base64'), filename: 'q3 report.pdf', type: 'application/pdf', disposition: 'attachment' },
    ]);
  });

  it('refuses a file_url on a private address the guard does not allow, sending no mail', async () => {
    await expect(runTool(sendEmailTool, { to: 'ada@example.com', subject: 'x', text_content: 'x', file_url: 'http://10.0.0.5/secret.pdf' }, contextWith())).rejects.toMatchObject({ code: 'outbound_blocked' });
    expect(sendgridDouble.requests).toHaveLength(0);
  });

  it('says SendGrid refused the credential on 401, with SendGrid\'s words', async () => {
    sendgridDouble.answer({ status: 401, json: { errors: [{ field: null, message: 'The provided authorization grant is invalid, expired, or revoked' }] } });
    await expect(runTool(sendEmailTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith())).rejects.toThrow(/SendGrid refused the credential \(401\): The provided authorization grant is invalid/);
  });

  it('waits out a 429 with Retry-After and sends again once', async () => {
    sendgridDouble.answer({ status: 429, headers: { 'retry-after': '1' }, json: { errors: [{ message: 'too many requests' }] } }, accepted);
    await runTool(sendEmailTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith());
    expect(sendgridDouble.requests).toHaveLength(2);
  });

  it('refuses an HTML page in place of SendGrid\'s answer', async () => {
    sendgridDouble.answer(htmlAnswer);
    await expect(runTool(sendEmailTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith())).rejects.toThrow(/HTML page instead of JSON/);
  });

  it('rejects a missing key, no sender, no body and a bad address before sending', async () => {
    await expect(runTool(sendEmailTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith({}))).rejects.toThrow(/"api_key"/);
    await expect(runTool(sendEmailTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith({ api_key: 'k' }))).rejects.toThrow(/Give from_email/);
    await expect(runTool(sendEmailTool, { to: 'ada@example.com', subject: 'x' }, contextWith())).rejects.toThrow(/text_content or html_content/);
    await expect(runTool(sendEmailTool, { to: 'ada@, bob@example.com', subject: 'x', text_content: 'x' }, contextWith())).rejects.toThrow(/not valid: ada@/);
    expect(sendgridDouble.requests).toHaveLength(0);
  });
});
