import { tokenPairSchema, userResponseSchema, type TokenPair } from '@claraverse/shared';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse, jsonResponse, type RecordedRequest } from '../test/fake-fetch';
import { ApiError, createApiClient, type SessionAccess } from './api-client';

function createFakeSession(initial: { accessToken: string | null; refreshToken: string | null }) {
  const state = { ...initial, cleared: 0 };
  const session: SessionAccess = {
    getAccessToken: () => state.accessToken,
    getRefreshToken: () => state.refreshToken,
    setTokens: (tokens: TokenPair) => {
      state.accessToken = tokens.accessToken;
      state.refreshToken = tokens.refreshToken;
    },
    clear: () => {
      state.accessToken = null;
      state.refreshToken = null;
      state.cleared += 1;
    },
  };
  return { session, state };
}

const user = { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'user', status: 'active', createdAt: '2026-01-01' };

/** `GET /api/auth/me` accepting only `access-2`; anything else is an expired token. */
const meRequiringFreshToken = (request: RecordedRequest) =>
  request.headers.get('Authorization') === 'Bearer access-2'
    ? jsonResponse({ user })
    : errorResponse(401, 'token_expired', 'Access token expired');

describe('createApiClient', () => {
  it('parses an error body into an ApiError with code, status, request id, details and Retry-After', async () => {
    const server = createFakeFetch({
      'POST /api/auth/login': () =>
        errorResponse(429, 'rate_limited', 'Too many sign-in attempts', {
          details: [{ path: 'body.email', message: 'Slow down' }],
          headers: { 'Retry-After': '120' },
        }),
    });
    const { session } = createFakeSession({ accessToken: null, refreshToken: null });
    const client = createApiClient({ baseUrl: '', fetch: server.fetch, session, isStrictResponseParsing: true });

    const error = await client
      .request('/api/auth/login', { method: 'POST', body: { email: 'a@b.c', password: 'x' }, isAnonymous: true })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe('rate_limited');
    expect(apiError.status).toBe(429);
    expect(apiError.message).toBe('Too many sign-in attempts');
    expect(apiError.requestId).toBe('request-1');
    expect(apiError.retryAfterSeconds).toBe(120);
    expect(apiError.fieldErrors).toEqual({ email: 'Slow down' });
  });

  it('maps a body that is not the error contract to a code from the HTTP status', async () => {
    const server = createFakeFetch({
      'GET /api/thing': () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    const { session } = createFakeSession({ accessToken: null, refreshToken: null });
    const client = createApiClient({ baseUrl: '', fetch: server.fetch, session, isStrictResponseParsing: true });

    await expect(client.request('/api/thing')).rejects.toMatchObject({ code: 'upstream_unavailable', status: 502 });
  });

  it('sends the bearer token, same-origin credentials and a JSON body, and parses the answer with the schema', async () => {
    const server = createFakeFetch({ 'PATCH /api/user/profile': () => jsonResponse({ user }) });
    const { session } = createFakeSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const client = createApiClient({ baseUrl: '', fetch: server.fetch, session, isStrictResponseParsing: true });

    const response = await client.request('/api/user/profile', {
      method: 'PATCH',
      body: { name: 'Ada' },
      schema: userResponseSchema,
    });

    expect(response.user.email).toBe('ada@example.com');
    const [request] = server.requests;
    expect(request?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    expect(request?.credentials).toBe('same-origin');
    expect(request?.body).toEqual({ name: 'Ada' });
  });

  it('refreshes once for concurrent requests that meet an expired token, then retries each with the new token', async () => {
    let releaseRefresh: () => void = () => {};
    const refreshGate = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });
    const server = createFakeFetch({
      'GET /api/auth/me': meRequiringFreshToken,
      'POST /api/auth/refresh': async () => {
        await refreshGate;
        return jsonResponse({ accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 });
      },
    });
    const { session, state } = createFakeSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const client = createApiClient({ baseUrl: '', fetch: server.fetch, session, isStrictResponseParsing: true });

    const first = client.request('/api/auth/me', { schema: userResponseSchema });
    const second = client.request('/api/auth/me', { schema: userResponseSchema });
    const third = client.request('/api/auth/me', { schema: userResponseSchema });
    await vi.waitFor(() => expect(server.requestsTo('POST /api/auth/refresh')).toHaveLength(1));
    releaseRefresh();

    const results = await Promise.all([first, second, third]);
    expect(results.map((result) => result.user.id)).toEqual(['u1', 'u1', 'u1']);
    const refreshRequests = server.requestsTo('POST /api/auth/refresh');
    expect(refreshRequests).toHaveLength(1);
    expect(refreshRequests[0]?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(refreshRequests[0]?.headers.get('Authorization')).toBeNull();
    const retries = server.requestsTo('GET /api/auth/me').slice(3);
    expect(retries.map((request) => request.headers.get('Authorization'))).toEqual([
      'Bearer access-2',
      'Bearer access-2',
      'Bearer access-2',
    ]);
    expect(state).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2', cleared: 0 });
  });

  it('sends an empty refresh body when only the httpOnly cookie holds the refresh token', async () => {
    const server = createFakeFetch({
      'GET /api/auth/me': meRequiringFreshToken,
      'POST /api/auth/refresh': () => jsonResponse({ accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 }),
    });
    const { session } = createFakeSession({ accessToken: 'access-1', refreshToken: null });
    const client = createApiClient({ baseUrl: '', fetch: server.fetch, session, isStrictResponseParsing: true });

    await client.request('/api/auth/me', { schema: userResponseSchema });

    expect(server.requestsTo('POST /api/auth/refresh')[0]?.body).toEqual({});
  });

  it('clears the session and reports the expiry when the refresh token is refused, without retrying', async () => {
    const server = createFakeFetch({
      'GET /api/auth/me': meRequiringFreshToken,
      'POST /api/auth/refresh': () => errorResponse(401, 'unauthenticated', 'Refresh token revoked'),
    });
    const { session, state } = createFakeSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const handleSessionExpired = vi.fn();
    const client = createApiClient({
      baseUrl: '',
      fetch: server.fetch,
      session,
      isStrictResponseParsing: true,
      onSessionExpired: handleSessionExpired,
    });

    const results = await Promise.allSettled([client.request('/api/auth/me'), client.request('/api/auth/me')]);

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(results[0]).toMatchObject({ reason: { code: 'token_expired', status: 401 } });
    expect(server.requestsTo('POST /api/auth/refresh')).toHaveLength(1);
    expect(server.requestsTo('GET /api/auth/me')).toHaveLength(2);
    expect(state).toMatchObject({ accessToken: null, refreshToken: null, cleared: 1 });
    expect(handleSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when the refresh fails for a reason other than a refused token', async () => {
    const server = createFakeFetch({
      'GET /api/auth/me': meRequiringFreshToken,
      'POST /api/auth/refresh': () => errorResponse(503, 'service_unavailable', 'Database down'),
    });
    const { session, state } = createFakeSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const client = createApiClient({ baseUrl: '', fetch: server.fetch, session, isStrictResponseParsing: true });

    await expect(client.request('/api/auth/me')).rejects.toMatchObject({ code: 'service_unavailable' });
    expect(state).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1', cleared: 0 });
  });

  it('does not refresh for a 401 that is not about the token, nor for a request sent without a token', async () => {
    const server = createFakeFetch({
      'POST /api/auth/password': () => errorResponse(401, 'invalid_credentials', 'Wrong password'),
      'POST /api/auth/login': () => errorResponse(401, 'unauthenticated', 'Nope'),
    });
    const { session } = createFakeSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const client = createApiClient({ baseUrl: '', fetch: server.fetch, session, isStrictResponseParsing: true });

    await expect(client.request('/api/auth/password', { method: 'POST', body: {} })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await expect(client.request('/api/auth/login', { method: 'POST', body: {}, isAnonymous: true })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(server.requestsTo('POST /api/auth/refresh')).toHaveLength(0);
  });

  it('rejects a response that breaks the shared contract when parsing is strict', async () => {
    const server = createFakeFetch({ 'POST /api/auth/refresh': () => jsonResponse({ accessToken: 42 }) });
    const { session } = createFakeSession({ accessToken: null, refreshToken: null });
    const client = createApiClient({ baseUrl: '', fetch: server.fetch, session, isStrictResponseParsing: true });

    await expect(client.request('/api/auth/refresh', { method: 'POST', schema: tokenPairSchema })).rejects.toMatchObject({
      code: 'internal',
    });
  });

  it('turns a network failure into a service_unavailable ApiError with status 0', async () => {
    const { session } = createFakeSession({ accessToken: null, refreshToken: null });
    const failingFetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const client = createApiClient({ baseUrl: '', fetch: failingFetch, session, isStrictResponseParsing: true });

    await expect(client.request('/api/auth/status')).rejects.toMatchObject({ code: 'service_unavailable', status: 0 });
  });

  it('adds the query string, leaving out empty values', async () => {
    const server = createFakeFetch({ 'GET /api/admin/users': () => jsonResponse({ users: [], total: 0 }) });
    const { session } = createFakeSession({ accessToken: 'access-1', refreshToken: null });
    const client = createApiClient({ baseUrl: '', fetch: server.fetch, session, isStrictResponseParsing: true });

    await client.request('/api/admin/users', { query: { page: 2, pageSize: 20, search: '', status: undefined } });

    expect(server.requests[0]?.url).toBe('/api/admin/users?page=2&pageSize=20');
  });
});
