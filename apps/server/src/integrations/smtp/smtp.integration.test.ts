import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegrationTestContext, testContextOf } from '../test-support.js';
import { smtpIntegration } from './smtp.integration.js';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

let server: TestSmtpServer;

beforeAll(async () => {
  server = await startTestSmtpServer({ user: 'mailer', password: 's3cret' });
});
afterAll(() => server.close());

const context = () => testContextOf(createIntegrationTestContext({ baseUrls: [], origin: 'http://127.0.0.1' }));
const values = () => ({ host: '127.0.0.1', port: String(server.port), security: 'none', username: 'mailer', password: 's3cret', from_email: 'clara@acme.example' });

describe('smtp credential test', () => {
  it('verifies the connection and login without sending a message', async () => {
    const result = await smtpIntegration.test!(values(), context());
    expect(result.message).toBe(`Connected to the SMTP server 127.0.0.1:${server.port} as mailer (none).`);
    expect(server.logins.at(-1)).toEqual({ username: 'mailer', password: 's3cret' });
    expect(server.mails).toHaveLength(0);
  });

  it('fails clearly for a wrong password', async () => {
    await expect(smtpIntegration.test!({ ...values(), password: 'nope' }, context())).rejects.toThrow(/SMTP server refused the credential/);
  });

  it('fails clearly when nothing listens on the port', async () => {
    const closed = await startTestSmtpServer({ user: 'x', password: 'y' });
    const port = closed.port;
    await closed.close();
    await expect(smtpIntegration.test!({ ...values(), port: String(port) }, context())).rejects.toThrow(/Could not talk to the SMTP server 127.0.0.1/);
  });
});
