import ipaddr from 'ipaddr.js';
import type { AddressClass } from './classify-address.js';

/** One parsed allow-list entry. */
export type AllowlistEntry =
  | { kind: 'range'; text: string; range: [ipaddr.IPv4 | ipaddr.IPv6, number] }
  | { kind: 'host'; text: string; name: string; isWildcard: boolean; port: number | null };

const hostLabel = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

function normaliseAddress(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

function parsePort(text: string, entry: string): number {
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port < 1 || port > 65_535) throw new Error(`"${entry}" has an invalid port; use 1 to 65535`);
  return port;
}

function parseHost(entry: string, lowered: string): AllowlistEntry {
  // [::1]:8080 — an IP literal with a port is a host entry matched on the URL's host and port.
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(lowered);
  if (bracketed) {
    if (!ipaddr.IPv6.isValid(bracketed[1]!)) throw new Error(`"${entry}" is not a valid IPv6 address`);
    const name = ipaddr.parse(bracketed[1]!).toString();
    return { kind: 'host', text: entry, name, isWildcard: false, port: bracketed[2] === undefined ? null : parsePort(bracketed[2], entry) };
  }
  const [hostPart, portPart, ...rest] = lowered.split(':');
  if (rest.length > 0 || hostPart === undefined) throw new Error(`"${entry}" is not a host, an IP address or a CIDR range`);
  const isWildcard = hostPart.startsWith('*.');
  const name = (isWildcard ? hostPart.slice(2) : hostPart).replace(/\.$/, '');
  const labels = name.split('.');
  if (name.length === 0 || name.length > 253 || !labels.every((label) => hostLabel.test(label))) {
    throw new Error(`"${entry}" is not a host name, an IP address or a CIDR range (like 10.0.0.0/8 or searx.lan)`);
  }
  return { kind: 'host', text: entry, name, isWildcard, port: portPart === undefined ? null : parsePort(portPart, entry) };
}

/**
 * Parses one allow-list entry: a CIDR range (`10.0.0.0/8`, `fd00::/8`), a single IP (`127.0.0.1`, `::1`),
 * a host name (`searx.lan`), a wildcard for subdomains (`*.corp.example`), or a host or bracketed IPv6 with a
 * port (`localhost:8080`, `[::1]:8080`). @throws Error with a sentence naming the entry when it is none of these.
 */
export function parseAllowlistEntry(entry: string): AllowlistEntry {
  const text = entry.trim();
  const lowered = text.toLowerCase();
  if (lowered.includes('://')) throw new Error(`"${text}" is a URL; give only its host name (like searx.lan or localhost:8080)`);
  if (lowered.includes('/')) {
    if (!ipaddr.isValidCIDR(lowered)) throw new Error(`"${text}" is not a valid CIDR range (like 10.0.0.0/8 or fd00::/8)`);
    const [address, bits] = ipaddr.parseCIDR(lowered);
    // ::ffff:10.0.0.0/104 means 10.0.0.0/8: resolved addresses are compared in their IPv4 form.
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
      return { kind: 'range', text, range: [(address as ipaddr.IPv6).toIPv4Address(), bits - 96] };
    }
    return { kind: 'range', text, range: [address, bits] };
  }
  if (ipaddr.IPv4.isValidFourPartDecimal(lowered) || ipaddr.IPv6.isValid(lowered)) {
    const address = normaliseAddress(ipaddr.parse(lowered));
    return { kind: 'range', text, range: [address, address.kind() === 'ipv4' ? 32 : 128] };
  }
  return parseHost(text, lowered);
}

/** The parsed allow-list the guard consults. */
export interface Allowlist {
  entries: readonly AllowlistEntry[];
  /**
   * May the server connect to `address` for a request to `hostname:port`? A host entry admits every
   * address its name resolves to except cloud metadata; only an IP/CIDR entry that contains a metadata
   * address admits it.
   */
  allows(target: { hostname: string; port: number; address: string; addressClass: AddressClass }): boolean;
}

function hostMatches(entry: Extract<AllowlistEntry, { kind: 'host' }>, hostname: string, port: number): boolean {
  if (entry.port !== null && entry.port !== port) return false;
  return entry.isWildcard ? hostname.endsWith(`.${entry.name}`) : hostname === entry.name;
}

/** Builds the allow-list from entries already parsed (see `parseAllowlistEntry`). */
export function createAllowlist(entries: readonly AllowlistEntry[]): Allowlist {
  return {
    entries,
    allows({ hostname, port, address, addressClass }) {
      const name = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
      const literal = ipaddr.isValid(name) ? ipaddr.parse(name).toString() : name;
      const parsedAddress = ipaddr.isValid(address) ? normaliseAddress(ipaddr.parse(address)) : null;
      return entries.some((entry) => {
        if (entry.kind === 'host') return addressClass !== 'metadata' && hostMatches(entry, literal, port);
        if (!parsedAddress) return false;
        const [rangeAddress, bits] = entry.range;
        return parsedAddress.kind() === rangeAddress.kind() && parsedAddress.match(rangeAddress, bits);
      });
    },
  };
}
