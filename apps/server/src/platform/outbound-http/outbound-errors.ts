import { AppError } from '../errors/app-error.js';
import { describeAddressClass, type BlockedAddressClass } from './classify-address.js';

const allowHint = 'An administrator can allow it in Admin → Settings (outbound allow-list) or with OUTBOUND_ALLOWLIST.';

/** "10 MB", "512 KB": limits in messages people read. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The guard refused the destination address. */
export function blockedAddressError(host: string, addressClass: BlockedAddressClass, isLiteral: boolean): AppError {
  const subject = isLiteral ? `${host} is` : `${host} resolves to`;
  return new AppError('outbound_blocked', `${subject} ${describeAddressClass(addressClass)}, which the server may not reach. ${allowHint}`, {
    host,
    reason: addressClass,
  });
}

export function blockedSchemeError(protocol: string): AppError {
  return new AppError('outbound_blocked', `Only http and https URLs can be fetched, not ${protocol.replace(/:$/, '')}.`, { reason: 'scheme' });
}

export function invalidUrlError(): AppError {
  return new AppError('validation_failed', 'That is not a valid absolute URL (it should look like https://example.com/page).');
}

export function timeoutError(host: string, timeoutMs: number): AppError {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  return new AppError('outbound_timeout', `${host} did not answer within ${seconds} second${seconds === 1 ? '' : 's'}.`, { host, timeoutMs });
}

export function tooLargeError(host: string, maxBytes: number): AppError {
  return new AppError('response_too_large', `The response from ${host} is larger than the ${formatBytes(maxBytes)} limit.`, { host, maxBytes });
}

export function tooManyRedirectsError(host: string, maxRedirects: number): AppError {
  return new AppError('upstream_unavailable', `${host} redirected more than ${maxRedirects} times; the request was stopped.`, { host });
}

const tlsCodes = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/;

/** A network failure (DNS, refused, reset, TLS) as a sentence. */
export function networkError(host: string, error: unknown): AppError {
  const code = (error as { code?: unknown } | null)?.code;
  const codeText = typeof code === 'string' ? code : '';
  let message: string;
  if (codeText === 'ENOTFOUND' || codeText === 'EAI_AGAIN' || codeText === 'EAI_NODATA') message = `The host name ${host} could not be found.`;
  else if (codeText === 'ECONNREFUSED') message = `${host} refused the connection.`;
  else if (codeText === 'ECONNRESET' || codeText === 'EPIPE' || codeText === 'UND_ERR_SOCKET') message = `${host} closed the connection unexpectedly.`;
  else if (codeText === 'EHOSTUNREACH' || codeText === 'ENETUNREACH') message = `${host} cannot be reached from this server.`;
  else if (tlsCodes.test(codeText)) message = `${host} presented a TLS certificate that could not be verified (${codeText}).`;
  else if (codeText === 'HPE_INVALID_CONSTANT' || codeText.startsWith('HPE_')) message = `${host} sent a response that is not valid HTTP.`;
  else message = `Could not reach ${host}${codeText ? ` (${codeText})` : ''}.`;
  return new AppError('upstream_unavailable', message, { host, ...(codeText ? { cause: codeText } : {}) });
}
