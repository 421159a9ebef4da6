import type { LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { ValidationError } from '../platform/errors/app-error.js';
import { createAllowlist, parseAllowlistEntry, type Allowlist, type AllowlistEntry } from '../platform/outbound-http/allowlist.js';
import { bareHostname, resolveCheckedAddresses, systemResolveHost, type ResolveHost } from '../platform/outbound-http/checked-lookup.js';
import { networkError } from '../platform/outbound-http/outbound-errors.js';

/** The outbound allow-list from its text entries (`OUTBOUND_ALLOWLIST` and the admin setting); bad entries are skipped. */
export function allowlistOf(entries: readonly string[]): Allowlist {
  const parsed: AllowlistEntry[] = [];
  for (const entry of entries) {
    try {
      parsed.push(parseAllowlistEntry(entry));
    } catch {
      // The settings and the config refuse malformed entries when they are saved; nothing to add here.
    }
  }
  return createAllowlist(parsed);
}

/** @throws ValidationError unless the URL is http(s) without credentials in it. */
function parseMcpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValidationError('The MCP server URL is not a valid URL', [{ path: 'url', message: 'Not a URL' }]);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ValidationError('The MCP server URL must start with http:// or https://', [{ path: 'url', message: 'Use http or https' }]);
  }
  if (parsed.username || parsed.password) {
    throw new ValidationError('Put credentials in the headers, not in the MCP server URL', [{ path: 'url', message: 'No user:password@ in the URL' }]);
  }
  return parsed;
}

const isLocalName = (host: string) => /^localhost$|\.localhost$/i.test(host);
const loopbackOnly: ResolveHost = async () => [{ address: '127.0.0.1', family: 4 }];

/**
 * What can be checked when an admin saves a server, without DNS: http(s), no credentials, and a literal IP or
 * `localhost` host must pass the SSRF guard's rules (public, or allow-listed). Host names are checked when the
 * server connects ({@link assertMcpUrlAllowed}).
 * @throws ValidationError, AppError `outbound_blocked`
 */
export async function assertMcpUrlShape(url: string, allowlistEntries: readonly string[]): Promise<void> {
  const parsed = parseMcpUrl(url);
  const host = bareHostname(parsed);
  if (!ipaddr.isValid(host) && !isLocalName(host)) return;
  await resolveCheckedAddresses(parsed, allowlistOf(allowlistEntries), loopbackOnly);
}

/**
 * Checks an admin's HTTP MCP server URL before each connection with the SSRF guard's own rules
 * (platform/outbound-http): every address the host resolves to must be public or allow-listed, so a loopback
 * server works only when the allow-list says so.
 *
 * The MCP SDK then connects by name with its own fetch (it needs a streaming response, which the guarded client
 * does not offer), so the DNS answer is not pinned: a rebinding name could still pass. The check is on every
 * connect and reconnect.
 * @throws ValidationError for a malformed URL, AppError `outbound_blocked` for a refused address,
 *   AppError `upstream_unavailable` when the name does not resolve.
 */
export async function assertMcpUrlAllowed(url: string, allowlistEntries: readonly string[], resolveHost: ResolveHost = systemResolveHost): Promise<LookupAddress[]> {
  const parsed = parseMcpUrl(url);
  try {
    return await resolveCheckedAddresses(parsed, allowlistOf(allowlistEntries), resolveHost);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'outbound_blocked') throw error;
    throw networkError(bareHostname(parsed), error);
  }
}
