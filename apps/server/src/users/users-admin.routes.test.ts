import { apiErrorSchema, listUsersResponseSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, goodPassword, registerAdmin, registerUser, setRegistrationMode, signIn, uniqueEmail } from '../test/factories.js';

let app: TestApp;
let admin: SessionResponse;
beforeEach(async () => {
  app = await createTestApp();
  admin = await registerAdmin(app);
});
afterEach(() => app.close());

const errorOf = (body: string) => apiErrorSchema.parse(JSON.parse(body)).error;
const asAdmin = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  app.http.inject({ method, url, headers: bearer(admin.accessToken), ...(payload ? { payload } : {}) });

describe('admin users', () => {
  it('approves a pending user, who can then sign in; the approval is audited', async () => {
    const email = uniqueEmail('pending');
    const pending = (await registerUser(app, { email })).json<{ user: { id: string } }>().user;
    const approved = await asAdmin('POST', `/api/admin/users/${pending.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ user: { id: pending.id, status: 'active' } });
    expect((await signIn(app, email)).user.status).toBe('active');
    const again = await asAdmin('POST', `/api/admin/users/${pending.id}/approve`);
    expect(again.statusCode).toBe(409);
    const audit = await app.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.user-approved').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: admin.user.id, target_id: pending.id });
  });

  it('lists users with paging, search and status filter', async () => {
    for (let index = 0; index < 5; index += 1) await registerUser(app, { email: uniqueEmail(`person${index}`), name: `Person ${index}` });
    await registerUser(app, { email: uniqueEmail('zed'), name: 'Zed 100%_match' });
    const page = listUsersResponseSchema.parse((await asAdmin('GET', '/api/admin/users?page=1&pageSize=3')).json());
    expect(page.total).toBe(7);
    expect(page.users).toHaveLength(3);
    const secondPage = listUsersResponseSchema.parse((await asAdmin('GET', '/api/admin/users?page=3&pageSize=3')).json());
    expect(secondPage.users).toHaveLength(1);
    const pending = listUsersResponseSchema.parse((await asAdmin('GET', '/api/admin/users?status=pending')).json());
    expect(pending.total).toBe(6);
    const search = listUsersResponseSchema.parse((await asAdmin('GET', '/api/admin/users?search=PERSON 3')).json());
    expect(search.users.map((user) => user.name)).toEqual(['Person 3']);
    // LIKE wildcards in the search are matched literally.
    const literal = listUsersResponseSchema.parse((await asAdmin('GET', `/api/admin/users?search=${encodeURIComponent('100%_')}`)).json());
    expect(literal.users.map((user) => user.name)).toEqual(['Zed 100%_match']);
    const wildcard = listUsersResponseSchema.parse((await asAdmin('GET', '/api/admin/users?search=%25')).json());
    expect(wildcard.total).toBe(1);
  });

  it('refuses bad paging and unknown query fields', async () => {
    for (const query of ['page=0', 'pageSize=1000', 'status=weird', 'sort=email']) {
      const response = await asAdmin('GET', `/api/admin/users?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('changes role and status, and disabling ends the user’s sessions', async () => {
    await setRegistrationMode(app, admin.accessToken, 'open');
    const user = (await registerUser(app)).json<SessionResponse>();
    const promoted = await asAdmin('PATCH', `/api/admin/users/${user.user.id}`, { role: 'admin' });
    expect(promoted.json()).toMatchObject({ user: { role: 'admin' } });
    const disabled = await asAdmin('PATCH', `/api/admin/users/${user.user.id}`, { status: 'disabled' });
    expect(disabled.json()).toMatchObject({ user: { status: 'disabled' } });
    const refresh = await app.http.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: user.refreshToken } });
    expect(refresh.statusCode).toBe(401);
    expect(await asAdmin('PATCH', `/api/admin/users/${user.user.id}`, {}).then((response) => response.statusCode)).toBe(400);
    expect(await asAdmin('PATCH', '/api/admin/users/no-such-id', { role: 'user' }).then((response) => response.statusCode)).toBe(404);
  });

  it('never demotes or disables the last active admin', async () => {
    for (const change of [{ role: 'user' }, { status: 'disabled' }, { status: 'pending' }]) {
      const response = await asAdmin('PATCH', `/api/admin/users/${admin.user.id}`, change);
      expect(response.statusCode).toBe(409);
      expect(errorOf(response.body).message).toContain('last active administrator');
    }
    const me = await app.http.inject({ url: '/api/auth/me', headers: bearer(admin.accessToken) });
    expect(me.json()).toMatchObject({ user: { role: 'admin', status: 'active' } });
  });

  it('lets an admin step down once there is another admin', async () => {
    await setRegistrationMode(app, admin.accessToken, 'open');
    const other = (await registerUser(app)).json<SessionResponse>();
    await asAdmin('PATCH', `/api/admin/users/${other.user.id}`, { role: 'admin' });
    const response = await asAdmin('PATCH', `/api/admin/users/${admin.user.id}`, { role: 'user' });
    expect(response.statusCode).toBe(200);
  });

  it('is closed to non-admins and to anonymous callers', async () => {
    await setRegistrationMode(app, admin.accessToken, 'open');
    const user = (await registerUser(app)).json<SessionResponse>();
    for (const [method, url] of [['GET', '/api/admin/users'], ['GET', '/api/admin/settings'], ['POST', `/api/admin/users/${admin.user.id}/approve`]] as const) {
      const asUser = await app.http.inject({ method, url, headers: bearer(user.accessToken) });
      expect(asUser.statusCode).toBe(403);
      expect(errorOf(asUser.body).code).toBe('forbidden');
      expect((await app.http.inject({ method, url })).statusCode).toBe(401);
    }
  });
});

describe('admin settings', () => {
  it('reads and changes the registration mode and instance name, auditing the change', async () => {
    expect((await asAdmin('GET', '/api/admin/settings')).json()).toEqual({ settings: { registrationMode: 'approval', instanceName: 'ClaraVerse', byokEnabled: true, outboundAllowlist: [] } });
    const response = await asAdmin('PUT', '/api/admin/settings', { registrationMode: 'closed', instanceName: 'Team AI', byokEnabled: false });
    expect(response.json()).toEqual({ settings: { registrationMode: 'closed', instanceName: 'Team AI', byokEnabled: false, outboundAllowlist: [] } });
    expect((await app.http.inject('/api/auth/status')).json()).toEqual({ hasUsers: true, registrationMode: 'closed', instanceName: 'Team AI' });
    const audit = await app.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.settings-updated').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses an unknown mode, an empty body and unknown keys', async () => {
    for (const payload of [{ registrationMode: 'everyone' }, {}, { maintenance: true }, { instanceName: '' }]) {
      expect((await asAdmin('PUT', '/api/admin/settings', payload)).statusCode).toBe(400);
    }
    expect((await asAdmin('GET', '/api/admin/settings')).json()).toMatchObject({ settings: { registrationMode: 'approval' } });
  });
});

describe('the second-user flow', () => {
  it('registers → pending → approved → signs in', async () => {
    const email = uniqueEmail('second');
    expect((await registerUser(app, { email })).statusCode).toBe(202);
    expect((await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: goodPassword } })).statusCode).toBe(403);
    const list = listUsersResponseSchema.parse((await asAdmin('GET', '/api/admin/users?status=pending')).json());
    const target = list.users.find((user) => user.email === email);
    expect(target).toBeDefined();
    await asAdmin('POST', `/api/admin/users/${target?.id ?? ''}/approve`);
    expect((await signIn(app, email)).user.email).toBe(email);
  });
});
