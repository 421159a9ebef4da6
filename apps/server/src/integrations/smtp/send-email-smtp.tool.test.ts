import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { sendEmailSmtpTool } from './send-email-smtp.tool.js';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

let server: TestSmtpServer;
let credential: Record<string, string>;

beforeAll(async () => {
  server = await startTestSmtpServer({ user: 'mailer', password: 's3cret' });
  credential = { host: '127.0.0.1', port: String(server.port), security: 'none', username: 'mailer', password: 's3cret', from_email: 'clara@acme.example', from_name: 'Clara' };
});
afterAll(() => server.close());
beforeEach(() => {
  server.mails.length = 0;
  server.logins.length = 0;
});

function contextWith(values: Record<string, string> = credential) {
  return createIntegrationTestContext({ baseUrls: [], origin: 'http://127.0.0.1', credentials: { smtp: values } });
}

/** Unfolded header value of the raw message. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1];
}

describe('send_email_smtp', () => {
  it('logs in and delivers the message with the right envelope, headers, body and attachment', async () => {
    const output = await runTool(
      sendEmailSmtpTool,
      {
        to: 'ada@example.com, bob@example.com',
        cc: 'carol@example.com',
        bcc: ['dan@example.com'],
        reply_to: 'team@acme.example',
        subject: 'Quarterly report',
        text_content: 'Numbers attached.',
        html_content: '<p>Numbers attached.</p>',
        attachments: [{ content: Buffer.from('a,b\n1,2\n').toString('base64'), filename: 'q3.csv', type: 'text/csv' }],
      },
      contextWith(),
    );
    expect(server.logins).toEqual([{ username: 'mailer', password: 's3cret' }]);
    expect(server.mails).toHaveLength(1);
    const [mail] = server.mails;
    expect(mail!.user).toBe('mailer');
    expect(mail!.mailFrom).toBe('clara@acme.example');
    expect(mail!.rcptTo.sort()).toEqual(['ada@example.com', 'bob@example.com', 'carol@example.com', 'dan@example.com']);
    expect(header(mail!.raw, 'From')).toBe('Clara <clara@acme.example>');
    expect(header(mail!.raw, 'To')).toBe('ada@example.com, bob@example.com');
    expect(header(mail!.raw, 'Cc')).toBe('carol@example.com');
    expect(header(mail!.raw, 'Bcc')).toBeUndefined();
    expect(header(mail!.raw, 'Reply-To')).toBe('team@acme.example');
    expect(header(mail!.raw, 'Subject')).toBe('Quarterly report');
    expect(mail!.raw).toContain('Content-Type: text/plain');
    expect(mail!.raw).toContain('Numbers attached.');
    expect(mail!.raw).toContain('<p>Numbers attached.</p>');
    expect(mail!.raw).toMatch(/Content-Disposition: attachment; filename=q3\.csv/);
    expect(mail!.raw).toContain(Buffer.from('a,b\n1,2\n').toString('base64'));
    expect(output.result).toMatchObject({ sent: true, subject: 'Quarterly report', from: 'clara@acme.example' });
    expect((output.result as { accepted: string[] }).accepted.sort()).toEqual(['ada@example.com', 'bob@example.com', 'carol@example.com', 'dan@example.com']);
    expect((output.result as { messageId: string }).messageId).toBe(header(mail!.raw, 'Message-ID'));
  });

  it('says the server refused the credential for a wrong password, and sends nothing', async () => {
    await expect(runTool(sendEmailSmtpTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith({ ...credential, password: 'wrong' }))).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringMatching(/SMTP server refused the credential \(535 Invalid username or password\)/),
    });
    expect(server.mails).toHaveLength(0);
  });

  it('reports a refused recipient, and delivers to the others', async () => {
    await expect(runTool(sendEmailSmtpTool, { to: 'nobody@refused.example', subject: 'x', text_content: 'x' }, contextWith())).rejects.toThrow(/refused the sender or recipients: .*550 Mailbox unavailable/);
    const output = await runTool(sendEmailSmtpTool, { to: 'ada@example.com, nobody@refused.example', subject: 'x', text_content: 'x' }, contextWith());
    expect(output.result).toMatchObject({ accepted: ['ada@example.com'], rejected: ['nobody@refused.example'] });
    expect(server.mails[0]!.rcptTo).toEqual(['ada@example.com']);
  });

  it('with starttls required, refuses a server that offers no STARTTLS instead of logging in in clear', async () => {
    await expect(runTool(sendEmailSmtpTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith({ ...credential, security: 'starttls' }))).rejects.toMatchObject({ code: 'upstream_unavailable' });
    expect(server.logins).toHaveLength(0);
    expect(server.mails).toHaveLength(0);
  });

  it('refuses a private address the outbound guard does not allow, without connecting', async () => {
    await expect(runTool(sendEmailSmtpTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith({ ...credential, host: '10.20.30.40' }))).rejects.toMatchObject({ code: 'outbound_blocked' });
  });

  it('names missing fields and bad settings before connecting', async () => {
    await expect(runTool(sendEmailSmtpTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith({ host: '127.0.0.1' }))).rejects.toThrow(/"from_email"/);
    await expect(runTool(sendEmailSmtpTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith({ ...credential, host: 'smtp://x:25' }))).rejects.toThrow(/host is not valid/);
    await expect(runTool(sendEmailSmtpTool, { to: 'ada@example.com', subject: 'x', text_content: 'x' }, contextWith({ ...credential, port: '99999' }))).rejects.toThrow(/port is not valid/);
    await expect(runTool(sendEmailSmtpTool, { to: 'ada@example.com', subject: 'x' }, contextWith())).rejects.toThrow(/text_content or html_content/);
    expect(server.logins).toHaveLength(0);
  });
});
