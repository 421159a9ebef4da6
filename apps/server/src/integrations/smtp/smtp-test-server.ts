import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message as the test SMTP server received it. */
export interface ReceivedMail {
  /** The login used (`undefined` without AUTH). */
  user: string | undefined;
  mailFrom: string;
  rcptTo: string[];
  /** The raw RFC 5322 message (headers and body). */
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  mails: ReceivedMail[];
  /** AUTH attempts, accepted or not. */
  logins: Array<{ username: string; password: string }>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 for the SMTP tool's tests: it accepts the login
 * `user`/`password` only, refuses recipients at `refused.example`, and records envelope, login and raw message.
 */
export async function startTestSmtpServer(login: { user: string; password: string }, options: Partial<SMTPServerOptions> = {}): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const logins: Array<{ username: string; password: string }> = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ username: auth.username ?? '', password: auth.password ?? '' });
      if (auth.username === login.user && auth.password === login.password) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example')) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          user: session.user as string | undefined,
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
