import {
  apiErrorSchema,
  fieldIssueSchema,
  tokenPairSchema,
  type ErrorCode,
  type FieldIssue,
  type TokenPair,
} from '@claraverse/shared';
import { z } from 'zod';
import { env } from '../config/env';
import { useSessionStore } from '../stores/session-store';

/** Code used when a response carries no parsable error body, chosen from the HTTP status. */
const fallbackCodeByStatus: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  502: 'upstream_unavailable',
  503: 'service_unavailable',
  504: 'upstream_unavailable',
};

/**
 * An error answered by the API (or the failure to reach it), parsed from the shared `apiErrorSchema` body.
 * Components switch on `code`; `message` is the server's sentence and is safe to show.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  readonly requestId: string | null;
  readonly details: unknown;
  /** From the `Retry-After` header, in seconds; null when absent. */
  readonly retryAfterSeconds: number | null;

  constructor(options: {
    code: ErrorCode;
    message: string;
    status: number;
    requestId?: string | null;
    details?: unknown;
    retryAfterSeconds?: number | null;
  }) {
    super(options.message);
    this.code = options.code;
    this.status = options.status;
    this.requestId = options.requestId ?? null;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }

  /** Field problems of a `validation_failed` error, keyed by the last segment of their path (`body.email` → `email`). */
  get fieldErrors(): Record<string, string> {
    const parsed = z.array(fieldIssueSchema).safeParse(this.details);
    if (!parsed.success) return {};
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.data satisfies FieldIssue[]) {
      const field = issue.path.split('.').at(-1) ?? issue.path;
      fieldErrors[field] ??= issue.message;
    }
    return fieldErrors;
  }
}

/** Reads `Retry-After` (delta-seconds or an HTTP date) as whole seconds from now. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Turns a non-2xx response into an ApiError, whatever its body looks like. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML error page, an empty body): fall back to the status below.
  }
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    return new ApiError({ ...parsed.data.error, status: response.status, retryAfterSeconds });
  }
  return new ApiError({
    code: fallbackCodeByStatus[response.status] ?? 'internal',
    message: `The server answered with status ${response.status}.`,
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    retryAfterSeconds,
  });
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<TOutput> {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  /** Appended as a query string; null and undefined values are left out. */
  query?: Record<string, QueryValue>;
  /** Shared contract schema the response body is parsed with. */
  schema?: z.ZodType<TOutput>;
  signal?: AbortSignal;
  /** Sends no access token and never refreshes (sign-in, registration, status). */
  isAnonymous?: boolean;
}

/** How the client reads and updates the session; the app passes the session store, tests pass a fake. */
export interface SessionAccess {
  getAccessToken: () => string | null;
  getRefreshToken: () => string | null;
  setTokens: (tokens: TokenPair) => void;
  clear: () => void;
}

export interface ApiClientOptions {
  /** Prefix of every path, '' for same origin. */
  baseUrl: string;
  fetch: typeof fetch;
  session: SessionAccess;
  /** Throw when a response does not match its schema (dev, tests); otherwise warn and pass it through. */
  isStrictResponseParsing: boolean;
  /** Called once the session is cleared because it could not be refreshed. */
  onSessionExpired?: () => void;
}

export interface ApiClient {
  request: <TOutput = unknown>(path: string, options?: RequestOptions<TOutput>) => Promise<TOutput>;
  /**
   * Exchanges the refresh token for new tokens. Concurrent callers share one request. Resolves false when the
   * server refused the refresh token (the session is then cleared); rejects on network or server failure.
   */
  refreshSession: () => Promise<boolean>;
}

const refreshableCodes = new Set(['token_expired', 'unauthenticated']);

function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const queryString = search.toString();
  return `${baseUrl}${path}${queryString ? `?${queryString}` : ''}`;
}

/** Builds an API client: JSON in and out, bearer auth, one silent refresh on an expired token, typed errors. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  let refreshInFlight: Promise<boolean> | null = null;

  async function send(path: string, requestOptions: RequestOptions<unknown>, accessToken: string | null) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (requestOptions.body !== undefined) headers['Content-Type'] = 'application/json';
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    try {
      return await options.fetch(buildUrl(options.baseUrl, path, requestOptions.query), {
        method: requestOptions.method ?? 'GET',
        headers,
        body: requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body),
        credentials: 'same-origin',
        signal: requestOptions.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError({
        code: 'service_unavailable',
        message: 'The server could not be reached. Check your connection and try again.',
        status: 0,
      });
    }
  }

  async function parseBody<TOutput>(response: Response, schema: z.ZodType<TOutput> | undefined): Promise<TOutput> {
    const text = response.status === 204 ? '' : await response.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    if (!schema) return body as TOutput;
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    if (options.isStrictResponseParsing) {
      throw new ApiError({
        code: 'internal',
        message: `The response of ${response.url || 'the server'} does not match the shared contract: ${parsed.error.message}`,
        status: response.status,
        requestId: response.headers.get('x-request-id'),
      });
    }
    console.warn('Response does not match the shared contract', parsed.error);
    return body as TOutput;
  }

  async function performRefresh(): Promise<boolean> {
    const refreshToken = options.session.getRefreshToken();
    const response = await send(
      '/api/auth/refresh',
      { method: 'POST', body: refreshToken ? { refreshToken } : {} },
      null,
    );
    if (response.ok) {
      options.session.setTokens(await parseBody(response, tokenPairSchema));
      return true;
    }
    const error = await apiErrorFromResponse(response);
    if (response.status === 401) {
      options.session.clear();
      options.onSessionExpired?.();
      return false;
    }
    throw error;
  }

  function refreshSession(): Promise<boolean> {
    refreshInFlight ??= performRefresh().finally(() => {
      refreshInFlight = null;
    });
    return refreshInFlight;
  }

  async function request<TOutput = unknown>(path: string, requestOptions: RequestOptions<TOutput> = {}) {
    const accessToken = requestOptions.isAnonymous ? null : options.session.getAccessToken();
    let response = await send(path, requestOptions, accessToken);
    if (response.status === 401 && accessToken) {
      const error = await apiErrorFromResponse(response);
      if (!refreshableCodes.has(error.code)) throw error;
      // Another request may already have refreshed while this one was on the wire: then just retry.
      const currentToken = options.session.getAccessToken();
      const isRefreshed = currentToken !== null && currentToken !== accessToken ? true : await refreshSession();
      const retryToken = options.session.getAccessToken();
      if (!isRefreshed || !retryToken) throw error;
      response = await send(path, requestOptions, retryToken);
    }
    if (!response.ok) throw await apiErrorFromResponse(response);
    return parseBody(response, requestOptions.schema);
  }

  return { request, refreshSession };
}

/** The app's client, bound to the session store. */
export const apiClient = createApiClient({
  baseUrl: env.apiBaseUrl,
  // Looked up at call time so that tests can replace the global fetch.
  fetch: (input, init) => globalThis.fetch(input, init),
  session: {
    getAccessToken: () => useSessionStore.getState().accessToken,
    getRefreshToken: () => useSessionStore.getState().refreshToken,
    setTokens: (tokens) => useSessionStore.getState().setTokens(tokens),
    clear: () => useSessionStore.getState().clear('expired'),
  },
  isStrictResponseParsing: env.isStrictResponseParsing,
});
