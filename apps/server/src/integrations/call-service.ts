import { AppError, RateLimitedError } from '../platform/errors/app-error.js';
import { parseRetryAfterMs, waitUnlessAborted } from '../providers/llm/retry.js';
import type { ToolContext } from '../tools/define-tool.js';
import type { OutboundResponse } from '../tools/tool-ports.js';

/** What an integration's call needs of its context (a tool's, or a credential test's). */
export type ServiceContext = Pick<ToolContext, 'http' | 'signal' | 'serviceUrl'>;

export interface ServiceRequest {
  /** The service's name as people know it (`GitHub`), for error messages. */
  service: string;
  /** Default GET. */
  method?: string;
  /** The real, absolute URL as the service documents it; `context.serviceUrl` may redirect it (tests, self-hosting). */
  url: string;
  /** Added to the URL; undefined values are left out, arrays repeat the key. */
  query?: Record<string, string | number | boolean | readonly (string | number)[] | undefined>;
  headers?: Record<string, string>;
  /** A JSON body (sets content-type). */
  json?: unknown;
  /** An `application/x-www-form-urlencoded` body (Twilio, Mailchimp OAuth…). */
  form?: Record<string, string | undefined>;
  /** A raw body with its content type in `headers`. */
  body?: string | Uint8Array;
  /** What a 2xx must carry: `json` (default: fails on HTML or other text), or `any` (webhooks that answer `ok`). */
  expect?: 'json' | 'any';
  /** Retries after a 429 whose wait is at most this long (ms); longer waits fail at once. Default 10 000. */
  maxRateLimitWaitMs?: number;
  /**
   * Recognises the service's own rate-limit answers besides 429 (GitHub answers 403 with
   * `x-ratelimit-remaining: 0`, Linear a GraphQL error `RATELIMITED`): the wait in ms, or undefined when the
   * answer is not a rate limit. Such answers are waited out like a 429 instead of being reported as failures.
   */
  rateLimitWaitMs?: (response: { status: number; headers: Record<string, string>; data: unknown }) => number | undefined;
}

export interface ServiceResponse<Data = unknown> {
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON (or the text with `expect: 'any'` when not JSON; null for an empty body). */
  data: Data;
}

const maxRateLimitRetries = 2;

function buildUrl(request: ServiceRequest, context: ServiceContext): string {
  const url = new URL(context.serviceUrl(request.url));
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
    else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function bodyOf(request: ServiceRequest): { body?: string | Uint8Array; contentType?: string } {
  if (request.json !== undefined) return { body: JSON.stringify(request.json), contentType: 'application/json' };
  if (request.form) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(request.form)) if (value !== undefined) form.set(key, value);
    return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  return request.body === undefined ? {} : { body: request.body };
}

function looksLikeHtml(response: OutboundResponse): boolean {
  const type = response.headers['content-type'] ?? '';
  if (type.includes('html')) return true;
  return /^\s*<(?:!doctype|html)/i.test(response.body.subarray(0, 64).toString('utf8'));
}

function parseBody(response: OutboundResponse): unknown {
  if (response.body.length === 0) return null;
  try {
    return response.json();
  } catch {
    return response.text();
  }
}

/** The service's own words about an error, from the usual places (`message`, `error.message`, `errors[0]`…). */
export function serviceErrorMessage(data: unknown): string | undefined {
  if (typeof data === 'string') return data.trim().slice(0, 300) || undefined;
  if (data === null || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  for (const key of ['message', 'error_description', 'detail', 'description', 'title', 'msg', 'err', 'ExceptionMessage']) {
    if (typeof record[key] === 'string' && record[key]) return (record[key] as string).slice(0, 300);
  }
  if (typeof record.error === 'string') return record.error.slice(0, 300);
  if (record.error && typeof record.error === 'object') return serviceErrorMessage(record.error);
  // GraphQL and most REST APIs: `errors: [...]`; Jira: `errorMessages: [...]` and `errors: { field: message }`.
  for (const key of ['errors', 'errorMessages']) {
    const list = record[key];
    if (Array.isArray(list) && list.length > 0) return serviceErrorMessage(list[0]);
  }
  if (record.errors && typeof record.errors === 'object') {
    const [field, said] = Object.entries(record.errors as Record<string, unknown>).find(([, value]) => typeof value === 'string') ?? [];
    if (field !== undefined) return `${field}: ${String(said)}`.slice(0, 300);
  }
  return undefined;
}

function failure(request: ServiceRequest, response: OutboundResponse, data: unknown): AppError {
  const said = looksLikeHtml(response) ? undefined : serviceErrorMessage(data);
  const suffix = said ? `: ${said}` : '';
  const details = { service: request.service, status: response.status, ...(said ? { serviceMessage: said } : {}) };
  if (response.status === 401 || response.status === 403) {
    return new AppError('upstream_error', `${request.service} refused the credential (${response.status})${suffix}. Check it on the Credentials page.`, details);
  }
  if (response.status >= 500) return new AppError('upstream_unavailable', `${request.service} failed (${response.status})${suffix}. Try again later.`, details);
  if (response.status === 404) return new AppError('upstream_error', `${request.service} found nothing there (404)${suffix}.`, details);
  return new AppError('upstream_error', `${request.service} refused the request (${response.status})${suffix}.`, details);
}

/**
 * Calls a connected service's HTTP API through the SSRF-guarded client: builds the URL (redirectable for tests
 * and self-hosted services), sends JSON or form bodies, waits out short `429`s (`Retry-After` honoured, at most
 * twice) and turns every other failure into an AppError a person can read: refused credential, not found,
 * service down, an HTML page where JSON was expected.
 */
export async function callService<Data = unknown>(context: ServiceContext, request: ServiceRequest): Promise<ServiceResponse<Data>> {
  const url = buildUrl(request, context);
  const { body, contentType } = bodyOf(request);
  const headers = { accept: 'application/json', ...(contentType ? { 'content-type': contentType } : {}), ...request.headers };
  const maxWaitMs = request.maxRateLimitWaitMs ?? 10_000;
  for (let attempt = 0; ; attempt += 1) {
    const response = await context.http.request(url, {
      method: request.method ?? 'GET',
      headers,
      ...(body === undefined ? {} : { body }),
      signal: context.signal,
    });
    const serviceWaitMs = request.rateLimitWaitMs?.({ status: response.status, headers: response.headers, data: parseBody(response) });
    if (response.status === 429 || serviceWaitMs !== undefined) {
      const waitMs = serviceWaitMs ?? parseRetryAfterMs(response.headers) ?? 1_000 * 2 ** attempt;
      if (attempt < maxRateLimitRetries && waitMs <= maxWaitMs && (await waitUnlessAborted(waitMs, context.signal))) continue;
      context.signal.throwIfAborted();
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new RateLimitedError(`${request.service} is limiting requests; try again in ${seconds} s.`, seconds);
    }
    const data = parseBody(response);
    if (response.status < 200 || response.status >= 300) throw failure(request, response, data);
    if ((request.expect ?? 'json') === 'json' && response.body.length > 0 && (looksLikeHtml(response) || typeof data === 'string')) {
      throw new AppError(
        'upstream_error',
        `${request.service} answered with ${looksLikeHtml(response) ? 'an HTML page' : 'text'} instead of JSON (status ${response.status}). Check the service's address.`,
        { service: request.service, status: response.status },
      );
    }
    return { status: response.status, headers: response.headers, data: data as Data };
  }
}
