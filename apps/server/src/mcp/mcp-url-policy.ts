import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError, ValidationError } from '../platform/errors/app-error.js';

/** Resolves a host name to all its addresses (a port so tests can hand in a fixed table). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** True when `address` is a public unicast address (not loopback, private, link-local, CGNAT, metadata, …). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it carries.
  return ipaddr.process(address).range() === 'unicast';
}

/** True when the allow-list (host names, IPs and CIDRs, e.g. `127.0.0.1/32`, `mcp.lan`) covers the host or address. */
export function isAllowListed(hostOrAddress: string, allowlist: readonly string[]): boolean {
  const host = hostOrAddress.toLowerCase();
  const address = ipaddr.isValid(host) ? ipaddr.process(host) : null;
  return allowlist.some((entry) => {
    const rule = entry.trim().toLowerCase();
    if (!rule) return false;
    if (rule === host) return true;
    if (!address) return false;
    try {
      const [range, bits] = ipaddr.isValidCIDR(rule) ? ipaddr.parseCIDR(rule) : [ipaddr.process(rule), address.kind() === 'ipv4' ? 32 : 128];
      return range.kind() === address.kind() && address.match(range, bits);
    } catch {
      return false;
    }
  });
}

/**
 * Checks the URL of an admin's HTTP MCP server before the server connects to it: http(s) only, no credentials
 * in it, and every address its host resolves to public unless the outbound allow-list covers the host or the
 * address (so an admin may use a loopback server only when `OUTBOUND_ALLOWLIST` says so).
 *
 * The check is made on the resolved addresses, but the MCP SDK then connects by name, so DNS rebinding is not
 * closed here; the SSRF-guarded client (platform/outbound-http) replaces this once it can stream responses.
 * @throws ValidationError for a malformed URL, AppError `outbound_blocked` for a refused address.
 */
export async function assertMcpUrlAllowed(url: string, allowlist: readonly string[], resolveHost: ResolveHost = resolveWithDns): Promise<void> {
  const host = assertMcpUrlShape(url, allowlist);
  if (host === null) return;
  let addresses: string[];
  try {
    addresses = await resolveHost(host);
  } catch {
    throw new AppError('upstream_unavailable', `The host of the MCP server URL (${host}) could not be resolved`);
  }
  const refused = addresses.find((address) => !isPublicAddress(address) && !isAllowListed(address, allowlist));
  if (refused !== undefined || addresses.length === 0) throw blocked(refused ?? host);
}

function blocked(address: string): AppError {
  return new AppError(
    'outbound_blocked',
    `The MCP server URL points at a private, loopback or link-local address (${address}); an administrator can allow it with OUTBOUND_ALLOWLIST`,
  );
}

/**
 * The checks that need no DNS (made when an admin saves a server): http(s), no credentials, and a literal IP
 * or `localhost` host must be public or allow-listed. Returns the host name still to resolve, or null when
 * nothing is left to check.
 * @throws ValidationError, AppError `outbound_blocked`
 */
export function assertMcpUrlShape(url: string, allowlist: readonly string[]): string | null {
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
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isAllowListed(host, allowlist)) return null;
  const isLocalName = /^localhost$|\.localhost$/i.test(host);
  if (ipaddr.isValid(host) || isLocalName) {
    const address = isLocalName ? '127.0.0.1' : host;
    if (!isPublicAddress(address) && !isAllowListed(address, allowlist)) throw blocked(host);
    return null;
  }
  return host;
}
