import { apiErrorSchema, defaultUserPreferences, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, goodPassword, registerAdmin, registerUser, setRegistrationMode } from '../test/factories.js';

let app: TestApp;
let admin: SessionResponse;
beforeEach(async () => {
  app = await createTestApp();
  admin = await registerAdmin(app);
});
afterEach(() => app.close());

const errorOf = (body: string) => apiErrorSchema.parse(JSON.parse(body)).error;

describe('/api/user/preferences', () => {
  it('returns the defaults, saves a partial update and keeps the rest', async () => {
    const initial = await app.http.inject({ url: '/api/user/preferences', headers: bearer(admin.accessToken) });
    expect(initial.json()).toEqual({ preferences: defaultUserPreferences });
    const updated = await app.http.inject({
      method: 'PUT', url: '/api/user/preferences', headers: bearer(admin.accessToken), payload: { theme: 'dark', memoryEnabled: true },
    });
    expect(updated.json()).toEqual({ preferences: { ...defaultUserPreferences, theme: 'dark', memoryEnabled: true } });
    const again = await app.http.inject({ url: '/api/user/preferences', headers: bearer(admin.accessToken) });
    expect(again.json()).toMatchObject({ preferences: { theme: 'dark', memoryEnabled: true, fontSize: 'medium' } });
  });

  it('refuses unknown fields and wrong types without saving anything', async () => {
    for (const payload of [{ theme: 'purple' }, { colour: 'red' }, { memoryExtractionThreshold: 'many' }, { theme: 'dark', unknown: 1 }]) {
      const response = await app.http.inject({ method: 'PUT', url: '/api/user/preferences', headers: bearer(admin.accessToken), payload });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response.body).code).toBe('validation_failed');
    }
    const stored = await app.http.inject({ url: '/api/user/preferences', headers: bearer(admin.accessToken) });
    expect(stored.json()).toEqual({ preferences: defaultUserPreferences });
  });

  it('keeps each user’s preferences to themselves', async () => {
    await setRegistrationMode(app, admin.accessToken, 'open');
    const other = (await registerUser(app)).json<SessionResponse>();
    await app.http.inject({ method: 'PUT', url: '/api/user/preferences', headers: bearer(other.accessToken), payload: { theme: 'light' } });
    const mine = await app.http.inject({ url: '/api/user/preferences', headers: bearer(admin.accessToken) });
    expect(mine.json()).toMatchObject({ preferences: { theme: 'system' } });
  });
});

describe('PATCH /api/user/profile', () => {
  it('renames the user and trims the name', async () => {
    const response = await app.http.inject({ method: 'PATCH', url: '/api/user/profile', headers: bearer(admin.accessToken), payload: { name: '  Grace  ' } });
    expect(response.json()).toMatchObject({ user: { name: 'Grace' } });
  });
});

describe('DELETE /api/user/account', () => {
  it('needs the confirmation phrase and the password', async () => {
    await setRegistrationMode(app, admin.accessToken, 'open');
    const user = (await registerUser(app)).json<SessionResponse>();
    const noPhrase = await app.http.inject({ method: 'DELETE', url: '/api/user/account', headers: bearer(user.accessToken), payload: { confirmation: 'yes', password: goodPassword } });
    expect(noPhrase.statusCode).toBe(400);
    expect(errorOf(noPhrase.body).message).toContain('delete my account');
    const wrongPassword = await app.http.inject({ method: 'DELETE', url: '/api/user/account', headers: bearer(user.accessToken), payload: { confirmation: 'delete my account', password: 'not it at all' } });
    expect(wrongPassword.statusCode).toBe(400);
    expect((await app.http.inject({ url: '/api/auth/me', headers: bearer(user.accessToken) })).statusCode).toBe(200);
  });

  it('deletes the account with its sessions and preferences, and its tokens stop working', async () => {
    await setRegistrationMode(app, admin.accessToken, 'open');
    const user = (await registerUser(app)).json<SessionResponse>();
    await app.http.inject({ method: 'PUT', url: '/api/user/preferences', headers: bearer(user.accessToken), payload: { theme: 'dark' } });
    const response = await app.http.inject({ method: 'DELETE', url: '/api/user/account', headers: bearer(user.accessToken), payload: { confirmation: 'delete my account', password: goodPassword } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ deleted: { user: 1, refreshTokens: 1, preferences: 1 } });
    expect((await app.http.inject({ url: '/api/auth/me', headers: bearer(user.accessToken) })).statusCode).toBe(401);
    const leftovers = await app.database.db.selectFrom('refresh_tokens').select('id').where('user_id', '=', user.user.id).execute();
    expect(leftovers).toEqual([]);
  });

  it('refuses to delete the last admin', async () => {
    const response = await app.http.inject({ method: 'DELETE', url: '/api/user/account', headers: bearer(admin.accessToken), payload: { confirmation: 'delete my account', password: goodPassword } });
    expect(response.statusCode).toBe(409);
    expect((await app.http.inject({ url: '/api/auth/me', headers: bearer(admin.accessToken) })).statusCode).toBe(200);
  });
});
