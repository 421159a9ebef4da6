import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import type { Allowlist } from './allowlist.js';
import { classifyAddress } from './classify-address.js';
import { blockedAddressError } from './outbound-errors.js';

/** Resolves a host name to every address it has (the system resolver by default). */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolveHost: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** The host of a URL without IPv6 brackets or a trailing dot, as connect() and DNS want it. */
export function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '') || url.hostname;
}

function defaultPort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * Resolves the URL's host and checks every address against the guard; one refused address refuses the
 * request (a name that resolves to both a public and a private address is an attack, not a fallback).
 * Returns the checked addresses: the connection must go to one of these and nowhere else.
 * @throws AppError `outbound_blocked`; DNS errors propagate as they are.
 */
export async function resolveCheckedAddresses(url: URL, allowlist: Allowlist, resolveHost: ResolveHost): Promise<LookupAddress[]> {
  const hostname = bareHostname(url);
  const port = defaultPort(url);
  const isLiteral = ipaddr.isValid(hostname);
  const addresses = isLiteral ? [{ address: hostname, family: hostname.includes(':') ? 6 : 4 }] : await resolveHost(hostname);
  if (addresses.length === 0) throw Object.assign(new Error(`no addresses for ${hostname}`), { code: 'ENOTFOUND' });
  for (const { address } of addresses) {
    const addressClass = classifyAddress(address);
    if (addressClass === 'public') continue;
    if (allowlist.allows({ hostname, port, address, addressClass })) continue;
    throw blockedAddressError(hostname, addressClass, isLiteral);
  }
  return addresses;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that answers only with the addresses already checked, so the socket connects to
 * exactly what the guard approved: a second DNS answer (rebinding) is never asked for.
 */
export function pinnedLookup(addresses: readonly LookupAddress[]) {
  return (_hostname: string, options: { family?: number | string; all?: boolean } | number, callback: LookupCallback): void => {
    const family = typeof options === 'number' ? options : Number(options.family ?? 0) || 0;
    const all = typeof options === 'object' && options.all === true;
    const candidates = family === 0 ? addresses : addresses.filter((entry) => entry.family === family);
    if (candidates.length === 0) {
      callback(Object.assign(new Error('no checked address of the requested family'), { code: 'ENOTFOUND' }), all ? [] : '', 0);
      return;
    }
    if (all) callback(null, [...candidates]);
    else callback(null, candidates[0]!.address, candidates[0]!.family);
  };
}
