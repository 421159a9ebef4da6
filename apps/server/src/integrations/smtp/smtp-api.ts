import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { AppError, ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import type { CredentialValues } from '../define-integration.js';

export const smtp = { id: 'smtp', name: 'SMTP' } as const;
export const smtpRequiredFields = ['host', 'from_email'] as const;

/** How the connection is protected: STARTTLS upgrade (587), implicit TLS (465), or none (a local relay only). */
export const smtpSecurityModes = ['starttls', 'ssl', 'none'] as const;
type SmtpSecurity = (typeof smtpSecurityModes)[number];

const defaultPorts: Record<SmtpSecurity, number> = { starttls: 587, ssl: 465, none: 25 };
const hostPattern = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/** `validate` of the host field: a host name or an IP address, nothing else (no scheme, no port). */
export function validateSmtpHost(value: string): string | null {
  const host = value.trim();
  return hostPattern.test(host) || isIP(host) ? null : 'Give the server\'s host name only, like smtp.example.com (no scheme, no port).';
}

/** `validate` of the port field. */
export function validateSmtpPort(value: string): string | null {
  if (!value.trim()) return null;
  const port = Number(value);
  return Number.isInteger(port) && port >= 1 && port <= 65_535 ? null : 'The port is a number from 1 to 65535 (587 for STARTTLS, 465 for SSL).';
}

interface SmtpSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  username?: string | undefined;
  password?: string | undefined;
}

/** The credential's connection settings, checked. @throws ValidationError */
export function smtpSettings(values: CredentialValues): SmtpSettings {
  const host = values.host!.trim();
  const hostProblem = validateSmtpHost(host);
  if (hostProblem) throw new ValidationError(`The SMTP credential's host is not valid. ${hostProblem}`);
  const security = (values.security?.trim() || 'starttls') as SmtpSecurity;
  if (!smtpSecurityModes.includes(security)) throw new ValidationError(`The SMTP credential's security must be one of ${smtpSecurityModes.join(', ')}.`);
  const portProblem = validateSmtpPort(values.port ?? '');
  if (portProblem) throw new ValidationError(`The SMTP credential's port is not valid. ${portProblem}`);
  const username = values.username?.trim() || undefined;
  if (username && !values.password) throw new ValidationError('The SMTP credential has a username but no "password".');
  return { host, port: values.port?.trim() ? Number(values.port) : defaultPorts[security], security, username, password: values.password };
}

/**
 * A nodemailer transport to the credential's server, connecting only to an address the outbound guard approved
 * (`http.checkHost`: no private, loopback or metadata address unless allow-listed; the checked address is
 * dialled, so DNS cannot change between check and connect). TLS still verifies the certificate for the host name.
 * @throws AppError `outbound_blocked` / `upstream_unavailable` from the guard
 */
export async function createSmtpTransport(context: Pick<ToolContext, 'http'>, settings: SmtpSettings): Promise<Transporter> {
  if (!context.http.checkHost) throw new AppError('outbound_blocked', 'This server cannot check SMTP destinations, so SMTP is not available.');
  const [address] = await context.http.checkHost(settings.host, settings.port);
  if (!address) throw new AppError('upstream_unavailable', `The host name ${settings.host} could not be found.`);
  return nodemailer.createTransport({
    host: address.address,
    port: settings.port,
    secure: settings.security === 'ssl',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.username ? { auth: { user: settings.username, pass: settings.password ?? '' } } : {}),
    ...(isIP(settings.host) ? {} : { tls: { servername: settings.host } }),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

/** Runs `work` on a transport and closes it, also when the caller aborts (nodemailer takes no signal). */
export async function withTransport<T>(transport: Transporter, signal: AbortSignal, work: (transport: Transporter) => Promise<T>): Promise<T> {
  const onAbort = () => transport.close();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    signal.throwIfAborted();
    return await work(transport);
  } finally {
    signal.removeEventListener('abort', onAbort);
    transport.close();
  }
}

/** A nodemailer failure as a sentence: refused login, unreachable server, refused recipients. */
export function smtpError(error: unknown, settings: SmtpSettings): unknown {
  if (error instanceof AppError) return error;
  const failure = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const said = (failure.response ?? failure.message ?? '').slice(0, 300);
  const where = `${settings.host}:${settings.port}`;
  const details = { service: 'SMTP', ...(failure.code ? { cause: failure.code } : {}), ...(failure.responseCode ? { status: failure.responseCode } : {}) };
  switch (failure.code) {
    case 'EAUTH':
      return new AppError('upstream_error', `The SMTP server refused the credential (${said}). Check the username and password on the Credentials page.`, details);
    case 'ENOAUTH':
      return new AppError('validation_failed', 'The SMTP server needs a login; add a username and password to the credential.', details);
    case 'EENVELOPE':
      return new AppError('upstream_error', `The SMTP server refused the sender or recipients: ${said}`, details);
    case 'ETLS':
      return new AppError('upstream_unavailable', `${where} could not set up TLS (${said}). Check the security setting (starttls, ssl or none).`, details);
    case 'ECONNECTION':
    case 'ETIMEDOUT':
    case 'ESOCKET':
    case 'EDNS':
      return new AppError('upstream_unavailable', `Could not talk to the SMTP server ${where}: ${said}`, details);
    default:
      return new AppError('upstream_error', `The SMTP server ${where} failed: ${said || 'unknown error'}`, details);
  }
}
