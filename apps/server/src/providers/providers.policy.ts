import { isIPv4, isIPv6 } from 'node:net';
import { ValidationError } from '../platform/errors/app-error.js';

/** Bring-your-own-key providers a single user may keep. */
export const maxOwnProvidersPerUser = 20;

/** True for loopback, private, link-local, carrier-grade NAT and local-only host names. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  if (isIPv4(host)) {
    const [first = 0, second = 0] = host.split('.').map(Number);
    return first === 0 || first === 10 || first === 127 || (first === 169 && second === 254) ||
      (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168) || (first === 100 && second >= 64 && second <= 127);
  }
  if (isIPv6(host)) {
    return host === '::1' || host === '::' || /^f[cd]/.test(host) || host.startsWith('fe80') || host.startsWith('::ffff:');
  }
  return false;
}

/**
 * The shared schema accepts any http(s) URL; a provider's base URL also must not carry whitespace, quotes or
 * angle brackets (pasted junk), credentials (`user:pass@`, which would be shown back) or a fragment.
 * @throws ValidationError
 */
export function assertBaseUrlSane(baseUrl: string): void {
  const url = new URL(baseUrl);
  const problem = /[\s"'<>`]/.test(baseUrl)
    ? 'The URL contains spaces, quotes or angle brackets'
    : url.username || url.password
      ? 'Put the key in apiKey, not in the URL'
      : url.hash
        ? 'The URL must not have a #fragment'
        : null;
  if (problem) throw new ValidationError(`The request body is invalid (baseUrl: ${problem})`, [{ path: 'baseUrl', message: problem }]);
}

/**
 * A user's own provider is called by the server, so its URL must not reach the server's own network
 * (cloud metadata, databases, admin ports). Instance providers, set by an administrator, may.
 * This checks the literal host only; resolving names to private addresses is the HTTP client's job.
 * @throws ValidationError
 */
export function assertOwnProviderUrlAllowed(baseUrl: string): void {
  if (isPrivateHost(new URL(baseUrl).hostname)) {
    throw new ValidationError('Your own providers must use a public address; ask an administrator to add a provider on a local or private network', [
      { path: 'baseUrl', message: 'Private, loopback and link-local addresses are not allowed for your own providers' },
    ]);
  }
}
