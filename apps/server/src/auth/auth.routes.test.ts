import { apiErrorSchema, sessionResponseSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, goodPassword, registerAdmin, registerUser, setRegistrationMode, signIn, uniqueEmail } from '../test/factories.js';
import { createTestApp, type TestApp } from '../test/create-test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.http.inject({ method: 'POST', url, payload: payload as object, headers });
const errorOf = (body: string) => apiErrorSchema.parse(JSON.parse(body)).error;

describe('GET /api/auth/status', () => {
  it('reports no users and approval mode on a new instance, then users after the first registration', async () => {
    expect((await app.http.inject('/api/auth/status')).json()).toEqual({ hasUsers: false, registrationMode: 'approval', instanceName: 'ClaraVerse' });
    await registerAdmin(app);
    expect((await app.http.inject('/api/auth/status')).json()).toMatchObject({ hasUsers: true });
  });
});

describe('POST /api/auth/register', () => {
  it('makes the first user an active admin and signs them in', async () => {
    const response = await registerUser(app, { email: 'First@Example.test', name: 'First' });
    expect(response.statusCode).toBe(201);
    const session = sessionResponseSchema.parse(response.json());
    expect(session.user).toMatchObject({ email: 'first@example.test', name: 'First', role: 'admin', status: 'active' });
    expect(session.expiresIn).toBe(900);
    expect(response.cookies.find((cookie) => cookie.name === 'clv_refresh')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(JSON.stringify(session)).not.toContain('password');
  });

  it('puts later users in pending without tokens in approval mode', async () => {
    await registerAdmin(app);
    const response = await registerUser(app);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ user: expect.objectContaining({ role: 'user', status: 'pending' }) });
    expect(response.body).not.toContain('accessToken');
  });

  it('signs later users in at once in open mode and refuses them in closed mode', async () => {
    const admin = await registerAdmin(app);
    await setRegistrationMode(app, admin.accessToken, 'open');
    const open = await registerUser(app);
    expect(open.statusCode).toBe(201);
    expect(open.json<SessionResponse>().user).toMatchObject({ role: 'user', status: 'active' });
    await setRegistrationMode(app, admin.accessToken, 'closed');
    const closed = await registerUser(app);
    expect(closed.statusCode).toBe(403);
    expect(errorOf(closed.body).code).toBe('registration_closed');
  });

  it('refuses a duplicate email regardless of case', async () => {
    await registerAdmin(app, 'dup@example.test');
    const response = await registerUser(app, { email: 'DUP@example.test' });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response.body).code).toBe('conflict');
  });

  it('makes exactly one admin when two first registrations race', async () => {
    const [first, second] = await Promise.all([registerUser(app), registerUser(app)]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([201, 202]);
    const admins = [first, second].filter((response) => response.json<{ user: { role: string } }>().user.role === 'admin');
    expect(admins).toHaveLength(1);
  });

  it.each([
    ['a short password', { email: 'a@example.test', password: 'short' }, 'password'],
    ['a common password', { email: 'a@example.test', password: 'password123' }, 'password'],
    ['the email name as password', { email: 'averyunusualname@example.test', password: 'averyunusualname' }, 'password'],
    ['a bad email', { email: 'not-an-email', password: goodPassword }, 'email'],
    ['an unknown field', { email: 'a@example.test', password: goodPassword, role: 'admin' }, ''],
    ['a number as email', { email: 42, password: goodPassword }, 'email'],
    ['a 300-character password', { email: 'a@example.test', password: 'x'.repeat(300) }, 'password'],
  ])('refuses %s with validation_failed and stores nothing', async (_label, payload, field) => {
    const response = await post('/api/auth/register', payload);
    expect(response.statusCode).toBe(400);
    const error = errorOf(response.body);
    expect(error.code).toBe('validation_failed');
    expect(error.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(error.details)).toContain(field);
    expect((await app.http.inject('/api/auth/status')).json()).toMatchObject({ hasUsers: false });
  });

  it('stores SQL and HTML in a name as plain text', async () => {
    const name = `Robert'); DROP TABLE users;-- <script>alert(1)</script>`;
    const session = sessionResponseSchema.parse((await registerUser(app, { name })).json());
    expect(session.user.name).toBe(name);
    const me = await app.http.inject({ url: '/api/auth/me', headers: bearer(session.accessToken) });
    expect(me.json()).toMatchObject({ user: { name } });
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the right password and refuses the wrong one with the same error as an unknown email', async () => {
    const admin = await registerAdmin(app);
    const session = await signIn(app, admin.user.email);
    expect(session.user.id).toBe(admin.user.id);
    const wrong = await post('/api/auth/login', { email: admin.user.email, password: 'wrong password here' });
    const unknown = await post('/api/auth/login', { email: 'nobody@example.test', password: 'wrong password here' });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(errorOf(wrong.body)).toMatchObject({ code: 'invalid_credentials', message: errorOf(unknown.body).message });
  });

  it('tells a pending or disabled user why, only after a correct password', async () => {
    const admin = await registerAdmin(app);
    const email = uniqueEmail();
    const pending = (await registerUser(app, { email })).json<{ user: { id: string } }>().user;
    const asPending = await post('/api/auth/login', { email, password: goodPassword });
    expect(asPending.statusCode).toBe(403);
    expect(errorOf(asPending.body).code).toBe('account_pending');
    expect(errorOf((await post('/api/auth/login', { email, password: 'not the password' })).body).code).toBe('invalid_credentials');
    await app.http.inject({ method: 'PATCH', url: `/api/admin/users/${pending.id}`, headers: bearer(admin.accessToken), payload: { status: 'disabled' } });
    expect(errorOf((await post('/api/auth/login', { email, password: goodPassword })).body).code).toBe('account_disabled');
  });

  it('answers 429 with Retry-After after 5 failures for one account, even with the right password', async () => {
    const admin = await registerAdmin(app);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await post('/api/auth/login', { email: admin.user.email, password: 'wrong password here' })).statusCode).toBe(401);
    }
    const locked = await post('/api/auth/login', { email: admin.user.email, password: goodPassword });
    expect(locked.statusCode).toBe(429);
    expect(errorOf(locked.body).code).toBe('rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // Another account is not affected.
    expect((await post('/api/auth/login', { email: 'other@example.test', password: 'x' })).statusCode).toBe(401);
  });

  it('records sign-ins and failures in the audit log', async () => {
    const admin = await registerAdmin(app);
    await post('/api/auth/login', { email: admin.user.email, password: 'wrong password here' });
    await signIn(app, admin.user.email);
    const actions = (await app.database.db.selectFrom('audit_log').select('action').orderBy('created_at').execute()).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.registered', 'auth.sign-in-failed', 'auth.signed-in']));
  });
});

describe('POST /api/auth/refresh', () => {
  it('rotates: each refresh token works once and yields a working access token', async () => {
    const admin = await registerAdmin(app);
    const first = await post('/api/auth/refresh', { refreshToken: admin.refreshToken });
    expect(first.statusCode).toBe(200);
    const pair = first.json<{ accessToken: string; refreshToken: string; expiresIn: number }>();
    expect(pair.refreshToken).not.toBe(admin.refreshToken);
    expect((await app.http.inject({ url: '/api/auth/me', headers: bearer(pair.accessToken) })).statusCode).toBe(200);
    const second = await post('/api/auth/refresh', { refreshToken: pair.refreshToken });
    expect(second.statusCode).toBe(200);
  });

  it('revokes the whole family when a used token comes back', async () => {
    const admin = await registerAdmin(app);
    const next = (await post('/api/auth/refresh', { refreshToken: admin.refreshToken })).json<{ refreshToken: string }>();
    const replay = await post('/api/auth/refresh', { refreshToken: admin.refreshToken });
    expect(replay.statusCode).toBe(401);
    expect(errorOf(replay.body).code).toBe('refresh_token_reused');
    const afterReuse = await post('/api/auth/refresh', { refreshToken: next.refreshToken });
    expect(afterReuse.statusCode).toBe(401);
    // A session from another sign-in (another family) still works.
    const other = await signIn(app, admin.user.email);
    expect((await post('/api/auth/refresh', { refreshToken: other.refreshToken })).statusCode).toBe(200);
    const audit = await app.database.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.refresh-token-reused').execute();
    expect(audit).toHaveLength(1);
  });

  it('accepts the httpOnly cookie when the body has no token', async () => {
    const response = await registerUser(app);
    const cookie = response.cookies.find((entry) => entry.name === 'clv_refresh');
    const refreshed = await app.http.inject({ method: 'POST', url: '/api/auth/refresh', payload: {}, cookies: { clv_refresh: cookie?.value ?? '' } });
    expect(refreshed.statusCode).toBe(200);
  });

  it('refuses a missing, unknown or expired token', async () => {
    expect(errorOf((await post('/api/auth/refresh', {})).body).code).toBe('unauthenticated');
    expect(errorOf((await post('/api/auth/refresh', { refreshToken: 'made-up' })).body).code).toBe('unauthenticated');
    const admin = await registerAdmin(app);
    await app.database.db.updateTable('refresh_tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    expect((await post('/api/auth/refresh', { refreshToken: admin.refreshToken })).statusCode).toBe(401);
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session family and clears the cookie', async () => {
    const admin = await registerAdmin(app);
    const response = await post('/api/auth/logout', { refreshToken: admin.refreshToken });
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((cookie) => cookie.name === 'clv_refresh')?.value).toBe('');
    expect((await post('/api/auth/refresh', { refreshToken: admin.refreshToken })).statusCode).toBe(401);
  });
});

describe('access tokens', () => {
  it.each([
    ['no token', {}],
    ['a malformed header', { authorization: 'Token abc' }],
    ['a garbage token', { authorization: 'Bearer abc.def.ghi' }],
  ])('GET /api/auth/me refuses %s with 401', async (_label, headers) => {
    const response = await app.http.inject({ url: '/api/auth/me', headers });
    expect(response.statusCode).toBe(401);
    expect(errorOf(response.body).code).toBe('unauthenticated');
  });

  it('refuses a token signed with another secret and a refresh token used as an access token', async () => {
    const admin = await registerAdmin(app);
    const other = await createTestApp();
    try {
      const foreign = await registerAdmin(other);
      expect((await app.http.inject({ url: '/api/auth/me', headers: bearer(foreign.accessToken) })).statusCode).toBe(401);
    } finally {
      await other.close();
    }
    expect((await app.http.inject({ url: '/api/auth/me', headers: bearer(admin.refreshToken) })).statusCode).toBe(401);
  });

  it('refuses an expired token with token_expired', async () => {
    let now = new Date();
    const clocked = await createTestApp({ overrides: { now: () => now } });
    try {
      const admin = await registerAdmin(clocked);
      now = new Date(now.getTime() + 16 * 60_000);
      const response = await clocked.http.inject({ url: '/api/auth/me', headers: bearer(admin.accessToken) });
      expect(response.statusCode).toBe(401);
      expect(errorOf(response.body).code).toBe('token_expired');
    } finally {
      await clocked.close();
    }
  });

  it('refuses the token of a user who was disabled after it was issued', async () => {
    const admin = await registerAdmin(app);
    await setRegistrationMode(app, admin.accessToken, 'open');
    const user = (await registerUser(app)).json<SessionResponse>();
    await app.http.inject({ method: 'PATCH', url: `/api/admin/users/${user.user.id}`, headers: bearer(admin.accessToken), payload: { status: 'disabled' } });
    const response = await app.http.inject({ url: '/api/auth/me', headers: bearer(user.accessToken) });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response.body).code).toBe('account_disabled');
    expect((await post('/api/auth/refresh', { refreshToken: user.refreshToken })).statusCode).toBe(401);
  });
});

describe('POST /api/auth/password', () => {
  it('changes the password, ends other sessions and keeps this one', async () => {
    const admin = await registerAdmin(app);
    const otherDevice = await signIn(app, admin.user.email);
    const newPassword = 'a brand new passphrase 7';
    const response = await app.http.inject({
      method: 'POST', url: '/api/auth/password', headers: bearer(admin.accessToken), payload: { currentPassword: goodPassword, newPassword },
    });
    expect(response.statusCode).toBe(200);
    const pair = response.json<{ accessToken: string; refreshToken: string }>();
    expect((await app.http.inject({ url: '/api/auth/me', headers: bearer(pair.accessToken) })).statusCode).toBe(200);
    expect((await post('/api/auth/refresh', { refreshToken: otherDevice.refreshToken })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { email: admin.user.email, password: goodPassword })).statusCode).toBe(401);
    expect((await signIn(app, admin.user.email, newPassword)).user.id).toBe(admin.user.id);
  });

  it('refuses a wrong current password and a common new one', async () => {
    const admin = await registerAdmin(app);
    const wrong = await app.http.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(admin.accessToken), payload: { currentPassword: 'nope nope nope', newPassword: 'another good passphrase' } });
    expect(wrong.statusCode).toBe(400);
    const common = await app.http.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(admin.accessToken), payload: { currentPassword: goodPassword, newPassword: 'qwertyuiop' } });
    expect(common.statusCode).toBe(400);
    expect(errorOf(common.body).details).toEqual([{ path: 'newPassword', message: expect.stringContaining('common') }]);
  });
});

describe('logs of a sign-up and sign-in run', () => {
  it('contain no password, token or hash', async () => {
    const admin = await registerAdmin(app);
    const session = await signIn(app, admin.user.email);
    await post('/api/auth/login', { email: admin.user.email, password: 'wrong password here' });
    const pair = (await post('/api/auth/refresh', { refreshToken: session.refreshToken })).json<{ accessToken: string }>();
    await app.http.inject({ url: '/api/auth/me?token=should-not-appear', headers: bearer(pair.accessToken) });
    const hash = (await app.database.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow()).password_hash;
    const logs = app.logLines.join('\n');
    expect(app.logLines.length).toBeGreaterThan(5);
    for (const secret of [goodPassword, 'wrong password here', session.accessToken, session.refreshToken, pair.accessToken, hash, 'should-not-appear', admin.accessToken]) {
      expect(logs).not.toContain(secret);
    }
  });
});
