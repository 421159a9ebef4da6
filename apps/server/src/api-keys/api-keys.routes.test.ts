import { apiErrorSchema, createApiKeyResponseSchema, type SessionResponse } from '@claraverse/shared';
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

const create = (token: string, payload: object) => app.http.inject({ method: 'POST', url: '/api/keys', headers: bearer(token), payload });

/** Two instances on one database with one clock (scale-out), closed afterwards. */
async function withPeer(test: (context: { first: TestApp; peer: TestApp; advance: (ms: number) => void }) => Promise<void>) {
  let clock = Date.parse('2026-11-26T10:00:00.000Z');
  const now = () => new Date(clock);
  const first = await createTestApp({ overrides: { now } });
  const peer = await createTestApp({ peerOf: first, overrides: { now } });
  try {
    await test({ first, peer, advance: (ms) => (clock += ms) });
  } finally {
    await peer.close();
    await first.close();
  }
}

/** A new `chat` key of the token's user, used once on `instance`; returns that request to repeat. */
async function keyInUse(instance: TestApp, accessToken: string) {
  const created = await instance.http.inject({ method: 'POST', url: '/api/keys', headers: bearer(accessToken), payload: { name: 'cli', scopes: ['chat'] } });
  const { apiKey } = createApiKeyResponseSchema.parse(created.json());
  const models = () => instance.http.inject({ url: '/v1/models', headers: { authorization: `Bearer ${apiKey}` } });
  expect((await models()).statusCode).toBe(200);
  return models;
}

describe('/api/keys', () => {
  it('creates a clv_ key shown once, stores only its hash, and lists it without the key', async () => {
    const response = await create(admin.accessToken, { name: 'CLI', scopes: ['chat'], expiresInDays: 30 });
    expect(response.statusCode).toBe(201);
    const { key, apiKey } = createApiKeyResponseSchema.parse(response.json());
    expect(apiKey).toMatch(/^clv_[0-9a-f]{64}$/);
    expect(key).toMatchObject({ name: 'CLI', scopes: ['chat'], prefix: apiKey.slice(0, 12), rateLimitPerMinute: 60, revokedAt: null });
    expect(Date.parse(key.expiresAt ?? '')).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const list = await app.http.inject({ url: '/api/keys', headers: bearer(admin.accessToken) });
    expect(list.body).not.toContain(apiKey);
    expect(list.json()).toEqual({ keys: [key] });
    const stored = await app.database.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(apiKey.slice(12));
  });

  it('refuses unknown scopes, empty scopes and unknown fields', async () => {
    for (const payload of [{ name: 'x', scopes: ['root'] }, { name: 'x', scopes: [] }, { name: 'x', scopes: ['chat'], admin: true }, { name: '', scopes: ['chat'] }]) {
      const response = await create(admin.accessToken, payload);
      expect(response.statusCode).toBe(400);
      expect(apiErrorSchema.parse(response.json()).error.code).toBe('validation_failed');
    }
    expect(await app.database.db.selectFrom('api_keys').selectAll().execute()).toEqual([]);
  });

  it('revokes and deletes only the owner’s keys', async () => {
    await setRegistrationMode(app, admin.accessToken, 'open');
    const other = (await registerUser(app)).json<SessionResponse>();
    const { key } = createApiKeyResponseSchema.parse((await create(admin.accessToken, { name: 'mine', scopes: ['chat'] })).json());
    expect((await app.http.inject({ method: 'POST', url: `/api/keys/${key.id}/revoke`, headers: bearer(other.accessToken) })).statusCode).toBe(404);
    expect((await app.http.inject({ method: 'DELETE', url: `/api/keys/${key.id}`, headers: bearer(other.accessToken) })).statusCode).toBe(404);
    const revoked = await app.http.inject({ method: 'POST', url: `/api/keys/${key.id}/revoke`, headers: bearer(admin.accessToken) });
    expect(revoked.json()).toMatchObject({ key: { id: key.id, revokedAt: expect.any(String) } });
    expect((await app.http.inject({ method: 'DELETE', url: `/api/keys/${key.id}`, headers: bearer(admin.accessToken) })).statusCode).toBe(204);
    expect((await app.http.inject({ url: '/api/keys', headers: bearer(admin.accessToken) })).json()).toEqual({ keys: [] });
    const actions = (await app.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'api-key.%').execute()).map((row) => row.action);
    expect(actions.sort()).toEqual(['api-key.created', 'api-key.deleted', 'api-key.revoked']);
  });

  it('stops a key that is in use at once when it is revoked, deleted, or its account disabled', async () => {
    await setRegistrationMode(app, admin.accessToken, 'open');
    const owner = (await registerUser(app)).json<SessionResponse>();
    const keys = await Promise.all(['revoked', 'deleted', 'disabled'].map(async (name) =>
      createApiKeyResponseSchema.parse((await create(name === 'disabled' ? owner.accessToken : admin.accessToken, { name, scopes: ['chat'] })).json())));
    const models = (apiKey: string) => app.http.inject({ url: '/v1/models', headers: { authorization: `Bearer ${apiKey}` } });
    for (const { apiKey } of keys) expect((await models(apiKey)).statusCode).toBe(200);
    const [revoked, deleted, disabled] = keys as [typeof keys[0], typeof keys[0], typeof keys[0]];
    await app.http.inject({ method: 'POST', url: `/api/keys/${revoked.key.id}/revoke`, headers: bearer(admin.accessToken) });
    await app.http.inject({ method: 'DELETE', url: `/api/keys/${deleted.key.id}`, headers: bearer(admin.accessToken) });
    const disabling = await app.http.inject({ method: 'PATCH', url: `/api/admin/users/${owner.user.id}`, headers: bearer(admin.accessToken), payload: { status: 'disabled' } });
    expect(disabling.statusCode).toBe(200);
    for (const { apiKey } of [revoked, deleted]) {
      const refused = await models(apiKey);
      expect(refused.statusCode).toBe(401);
      expect(apiErrorSchema.parse(refused.json()).error.code).toBe('unauthenticated');
    }
    expect(apiErrorSchema.parse((await models(disabled.apiKey)).json()).error.code).toBe('account_disabled');
  });

  it('follows its account at once: disabled, re-enabled, deleted (the owner is cached with the key)', async () => {
    await setRegistrationMode(app, admin.accessToken, 'open');
    const owner = (await registerUser(app)).json<SessionResponse>();
    const models = await keyInUse(app, owner.accessToken);
    const patchOwner = (payload: object) =>
      app.http.inject({ method: 'PATCH', url: `/api/admin/users/${owner.user.id}`, headers: bearer(admin.accessToken), payload });
    expect((await patchOwner({ status: 'disabled' })).statusCode).toBe(200);
    expect(apiErrorSchema.parse((await models()).json()).error.code).toBe('account_disabled');
    expect((await patchOwner({ status: 'active' })).statusCode).toBe(200);
    expect((await models()).statusCode).toBe(200);
    const deleting = await app.http.inject({
      method: 'DELETE', url: '/api/user/account', headers: bearer(owner.accessToken), payload: { confirmation: 'delete my account', password: goodPassword },
    });
    expect(deleting.statusCode).toBe(200);
    const refused = await models();
    expect(refused.statusCode).toBe(401);
    expect(apiErrorSchema.parse(refused.json()).error.code).toBe('unauthenticated');
  });

  it('sees an account disabled on another instance within 5 s', async () => {
    await withPeer(async ({ first, peer, advance }) => {
      const boss = await registerAdmin(first);
      await setRegistrationMode(first, boss.accessToken, 'open');
      const owner = (await registerUser(first)).json<SessionResponse>();
      const models = await keyInUse(first, owner.accessToken);
      const disabling = await peer.http.inject({ method: 'PATCH', url: `/api/admin/users/${owner.user.id}`, headers: bearer(boss.accessToken), payload: { status: 'disabled' } });
      expect(disabling.statusCode).toBe(200);
      advance(4_000);
      expect((await models()).statusCode).toBe(200);
      advance(1_000);
      expect(apiErrorSchema.parse((await models()).json()).error.code).toBe('account_disabled');
    });
  });

  it('sees a key revoked by another instance within 5 s (decision 0011)', async () => {
    await withPeer(async ({ first, peer, advance }) => {
      const owner = await registerAdmin(first);
      const models = await keyInUse(first, owner.accessToken);
      const [key] = (await first.http.inject({ url: '/api/keys', headers: bearer(owner.accessToken) })).json<{ keys: Array<{ id: string }> }>().keys;
      expect((await peer.http.inject({ method: 'POST', url: `/api/keys/${key?.id}/revoke`, headers: bearer(owner.accessToken) })).statusCode).toBe(200);
      advance(4_000);
      expect((await models()).statusCode).toBe(200);
      advance(1_000);
      expect((await models()).statusCode).toBe(401);
    });
  });
});
