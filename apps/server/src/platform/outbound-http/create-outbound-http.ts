import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupAddress } from 'node:dns';
import type { OutboundHttp, OutboundRequestOptions, OutboundResponse } from './outbound-http.js';
import { AppError } from '../errors/app-error.js';
import { redactUrlWithPath, type Logger } from '../logging/logger.js';
import { createAllowlist, parseAllowlistEntry, type Allowlist, type AllowlistEntry } from './allowlist.js';
import { bareHostname, pinnedLookup, resolveCheckedAddresses, systemResolveHost, type ResolveHost } from './checked-lookup.js';
import {
  blockedSchemeError, invalidUrlError, networkError, timeoutError, tooLargeError, tooManyRedirectsError,
} from './outbound-errors.js';
import { BodyTooLargeError, readCappedBody } from './read-capped-body.js';

export interface OutboundHttpOptions {
  /** Hosts and CIDRs from the environment (`OUTBOUND_ALLOWLIST`) and the operator's own services. */
  allowlist: readonly string[];
  /** The admin setting's entries; read at most every `extraAllowlistTtlMs` and on `invalidateAllowlist()`. */
  loadExtraAllowlist?: () => Promise<readonly string[]>;
  /** Milliseconds the admin entries are cached. Default 30 000. */
  extraAllowlistTtlMs?: number;
  /** Whole-request deadline (DNS, connect, redirects, body), milliseconds. */
  timeoutMs: number;
  /** Largest response body, bytes (after decompression). */
  maxBytes: number;
  logger?: Logger;
  /** DNS; the system resolver unless a test gives another. */
  resolveHost?: ResolveHost;
  /** Default `User-Agent` when the caller sets none. */
  userAgent?: string;
}

/** The guarded client plus the hook the settings domain calls when the admin allow-list changes. */
export interface GuardedOutboundHttp extends OutboundHttp {
  invalidateAllowlist(): void;
  checkHost: NonNullable<OutboundHttp['checkHost']>;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Headers the client owns (framing, routing); a caller's values are dropped. */
const ownedHeaders = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade', 'te', 'trailer', 'proxy-connection']);
/** Headers that carry the caller's identity: never sent to another origin after a redirect. */
const credentialHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /** `user:password` from the original URL; only ever sent to the original origin. */
  auth: string | undefined;
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw invalidUrlError();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw blockedSchemeError(url.protocol);
  return url;
}

/** The URL as it may appear in a log line: no user-info, secret-looking query values and path segments redacted. */
function loggableUrl(url: URL): string {
  return redactUrlWithPath(`${url.origin}${url.pathname}${url.search}`);
}

function cleanHeaders(headers: Record<string, string> | undefined, userAgent: string): Record<string, string> {
  const cleaned: Record<string, string> = { 'user-agent': userAgent, 'accept-encoding': 'gzip, deflate, br' };
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lowered = name.toLowerCase();
    if (!ownedHeaders.has(lowered)) cleaned[lowered] = value;
  }
  return cleaned;
}

function flattenHeaders(response: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function charsetOf(contentType: string | undefined): string {
  const match = /charset="?([\w-]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}

function toResponse(status: number, headers: Record<string, string>, url: URL, body: Buffer): OutboundResponse {
  return {
    status,
    headers,
    url: url.href,
    body,
    text() {
      try {
        return new TextDecoder(charsetOf(headers['content-type'])).decode(body);
      } catch {
        return body.toString('utf8');
      }
    },
    json() {
      return JSON.parse(body.toString('utf8')) as unknown;
    },
  };
}

/** The request of the next hop after a redirect, or null when the response is not one to follow. */
function nextHop(hop: Hop, status: number, location: string | undefined): Hop | null {
  if (!redirectStatuses.has(status) || !location) return null;
  const url = parseUrl(location, hop.url);
  // Credentials in a redirect target are never used: only the caller decides where its credentials go.
  url.username = '';
  url.password = '';
  const isSameOrigin = url.origin === hop.url.origin;
  const headers = Object.fromEntries(Object.entries(hop.headers).filter(([name]) => isSameOrigin || !credentialHeaders.has(name)));
  const becomesGet = status === 303 ? hop.method !== 'HEAD' : (status === 301 || status === 302) && hop.method === 'POST';
  if (becomesGet) delete headers['content-type'];
  return {
    url,
    method: becomesGet ? 'GET' : hop.method,
    headers,
    body: becomesGet ? undefined : hop.body,
    auth: isSameOrigin ? hop.auth : undefined,
  };
}

function sendOnce(hop: Hop, addresses: LookupAddress[], signal: AbortSignal): Promise<IncomingMessage> {
  const send = hop.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let request;
    try {
      request = send({
        protocol: hop.url.protocol,
        hostname: bareHostname(hop.url),
        port: hop.url.port || undefined,
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method,
        headers: hop.body === undefined ? hop.headers : { ...hop.headers, 'content-length': String(Buffer.byteLength(hop.body)) },
        auth: hop.auth,
        // A fresh connection per request: a pooled socket could outlive a change of the allow-list.
        agent: false,
        lookup: pinnedLookup(addresses),
        signal,
      });
    } catch (error) {
      // Node refuses header names/values with control characters before sending anything.
      reject(new AppError('validation_failed', `A request header is not valid: ${(error as Error).message}`));
      return;
    }
    request.once('response', resolve);
    request.once('error', reject);
    request.end(hop.body);
  });
}

function staticEntries(texts: readonly string[]): AllowlistEntry[] {
  return texts.map((text) => {
    try {
      return parseAllowlistEntry(text);
    } catch (error) {
      throw new Error(`Outbound allow-list: ${(error as Error).message}`);
    }
  });
}

/**
 * The configured entries plus the admin's, cached for `extraAllowlistTtlMs`. An unreadable setting falls back
 * to the configured list (stricter, never looser); a load that started before an invalidation is not cached.
 */
function createAllowlistSource(options: OutboundHttpOptions) {
  const fixedEntries = staticEntries(options.allowlist);
  const fixedAllowlist = createAllowlist(fixedEntries);
  const ttlMs = options.extraAllowlistTtlMs ?? 30_000;
  let cached: { allowlist: Allowlist; expiresAt: number } | null = null;
  let generation = 0;

  return {
    invalidate(): void {
      generation += 1;
      cached = null;
    },

    async current(): Promise<Allowlist> {
      if (!options.loadExtraAllowlist) return fixedAllowlist;
      if (cached && cached.expiresAt > Date.now()) return cached.allowlist;
      const startedGeneration = generation;
      let extra: readonly string[];
      try {
        extra = await options.loadExtraAllowlist();
      } catch (error) {
        options.logger?.warn({ err: error }, 'outbound allow-list setting unreadable; using the configured list only');
        return fixedAllowlist;
      }
      const entries = [...fixedEntries];
      for (const text of extra) {
        try {
          entries.push(parseAllowlistEntry(text));
        } catch {
          options.logger?.warn({ entry: text }, 'outbound allow-list setting has an invalid entry; skipped');
        }
      }
      const allowlist = createAllowlist(entries);
      if (startedGeneration === generation) cached = { allowlist, expiresAt: Date.now() + ttlMs };
      return allowlist;
    },
  };
}

/**
 * Builds the one SSRF-guarded HTTP client (see `OutboundHttp`). Each hop's host is resolved here, every
 * address checked against `classifyAddress` and the allow-list, and the socket connects only to a checked
 * address; redirects are followed by hand and re-checked. The deadline covers the whole request.
 * @throws Error at construction when a static allow-list entry is malformed.
 */
export function createOutboundHttp(options: OutboundHttpOptions): GuardedOutboundHttp {
  const allowlists = createAllowlistSource(options);
  const resolveHost = options.resolveHost ?? systemResolveHost;
  const userAgent = options.userAgent ?? 'ClaraVerse/1.0';

  async function run(first: Hop, settings: { maxBytes: number; maxRedirects: number }, signal: AbortSignal): Promise<OutboundResponse> {
    const allowlist = await allowlists.current();
    let hop = first;
    for (let redirects = 0; ; redirects += 1) {
      const addresses = await resolveCheckedAddresses(hop.url, allowlist, resolveHost);
      const response = await sendOnce(hop, addresses, signal);
      const following = settings.maxRedirects > 0 ? nextHop(hop, response.statusCode ?? 0, response.headers.location) : null;
      if (!following) {
        const body = hop.method === 'HEAD' ? Buffer.alloc(0) : await readCappedBody(response, settings.maxBytes);
        return toResponse(response.statusCode ?? 0, flattenHeaders(response), hop.url, body);
      }
      response.destroy();
      if (redirects >= settings.maxRedirects) throw tooManyRedirectsError(bareHostname(first.url), settings.maxRedirects);
      hop = following;
    }
  }

  return {
    invalidateAllowlist: allowlists.invalidate,

    async checkHost(hostname: string, port: number) {
      const url = parseUrl(`http://${hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname}:${port}`);
      try {
        return await resolveCheckedAddresses(url, await allowlists.current(), resolveHost);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw networkError(bareHostname(url), error);
      }
    },

    async request(urlText: string, requestOptions: OutboundRequestOptions = {}): Promise<OutboundResponse> {
      const url = parseUrl(urlText);
      const auth = url.username || url.password ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined;
      url.username = '';
      url.password = '';
      const first: Hop = {
        url, auth,
        method: (requestOptions.method ?? 'GET').toUpperCase(),
        headers: cleanHeaders(requestOptions.headers, userAgent),
        body: requestOptions.body,
      };
      const timeoutMs = requestOptions.timeoutMs ?? options.timeoutMs;
      const maxBytes = requestOptions.maxBytes ?? options.maxBytes;
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), timeoutMs);
      const signal = requestOptions.signal ? AbortSignal.any([requestOptions.signal, deadline.signal]) : deadline.signal;
      const host = bareHostname(url);
      const startedAt = performance.now();
      try {
        // DNS lookups cannot be cancelled; the race makes the deadline and the caller's abort win anyway.
        const aborted = new Promise<never>((_, reject) => {
          if (signal.aborted) reject(new Error('aborted'));
          signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        });
        aborted.catch(() => undefined);
        const response = await Promise.race([run(first, { maxBytes, maxRedirects: requestOptions.maxRedirects ?? 5 }, signal), aborted]);
        options.logger?.debug({ url: loggableUrl(url), status: response.status, durationMs: Math.round(performance.now() - startedAt) }, 'outbound request');
        return response;
      } catch (error) {
        if (requestOptions.signal?.aborted) {
          throw requestOptions.signal.reason instanceof Error ? requestOptions.signal.reason : new DOMException('The request was cancelled.', 'AbortError');
        }
        const failure = deadline.signal.aborted ? timeoutError(host, timeoutMs)
          : error instanceof BodyTooLargeError ? tooLargeError(host, maxBytes)
          : error instanceof AppError ? error
          : networkError(host, error);
        const level = failure.code === 'outbound_blocked' ? 'warn' : 'debug';
        options.logger?.[level]({ url: loggableUrl(url), code: failure.code }, 'outbound request failed');
        throw failure;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
