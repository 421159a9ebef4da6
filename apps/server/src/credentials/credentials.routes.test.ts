import {
  apiErrorSchema, credentialReferencesResponseSchema, credentialResponseSchema, credentialsByIntegrationResponseSchema,
  credentialsResponseSchema, credentialTestResponseSchema, integrationResponseSchema, integrationsResponseSchema, type SessionResponse,
} from '@claraverse/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { integrationCategories } from '../integrations/define-integration.js';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../test/factories.js';
import { startDoubleServer, type DoubleServer } from '../test/llm-doubles/double-server.js';
import { exampleChatApi, exampleChatValues, exampleIntegrations } from './credentials.test-support.js';

// The real app with the example integrations of credentials.test-support.ts; the example service's API is a
// double on 127.0.0.1 that answers `GET /v1/auth.test` like a chat service: 200 for the known key, else 401.
let double: DoubleServer;
let validKey = '';
beforeAll(async () => {
  double = await startDoubleServer(async ({ response, recorded }) => {
    if (recorded.method !== 'GET' || recorded.path !== '/v1/auth.test') {
      response.writeHead(404, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ error: 'unknown_method' }));
    }
    const isKnown = recorded.headers.authorization === `Bearer ${validKey}`;
    response.writeHead(isKnown ? 200 : 401, { 'content-type': 'application/json' });
    response.end(JSON.stringify(isKnown ? { team: 'Acme', user: '@clara' } : { error: 'invalid_auth' }));
  });
});
afterAll(() => double.close());

let app: TestApp;
let owner: SessionResponse;
let other: SessionResponse;
beforeEach(async () => {
  app = await createTestApp({
    env: { OUTBOUND_ALLOWLIST: '127.0.0.1/32', INTEGRATION_BASE_URLS: JSON.stringify({ [exampleChatApi]: double.origin }) },
    overrides: { integrations: exampleIntegrations },
  });
  owner = await registerAdmin(app);
  await setRegistrationMode(app, owner.accessToken, 'open');
  other = (await registerUser(app)).json<SessionResponse>();
  double.requests.length = 0;
});
afterEach(() => app.close());

const call = (token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.http.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

async function createExample(token = owner.accessToken, values: { webhook_url: string; api_key: string; workspace?: string } = exampleChatValues(), name = 'Team chat') {
  const response = await call(token, 'POST', '/api/credentials', { name, integrationType: 'example_chat', data: values });
  expect(response.statusCode, response.body).toBe(201);
  return { credential: credentialResponseSchema.parse(response.json()).credential, values };
}

function expectValidationError(response: { statusCode: number; json(): unknown }) {
  expect(response.statusCode).toBe(400);
  const { error } = apiErrorSchema.parse(response.json());
  expect(error.code).toBe('validation_failed');
  return error;
}

describe('/api/credentials', () => {
  it('creates a credential and shows it only masked, in the list, by integration, as a reference and alone', async () => {
    const { credential, values } = await createExample();
    expect(credential).toMatchObject({
      name: 'Team chat', integrationType: 'example_chat', maskedPreview: `${values.webhook_url.slice(0, 20)}…${values.webhook_url.slice(-8)}`,
      configuredFields: ['webhook_url', 'api_key', 'workspace', 'mode'], usageCount: 0, lastUsedAt: null, lastTestAt: null, testStatus: null,
    });
    const notes = credentialResponseSchema.parse(
      (await call(owner.accessToken, 'POST', '/api/credentials', { name: 'Notes', integrationType: 'example_notes', data: { token: 'n'.repeat(12) } })).json(),
    ).credential;
    expect(notes.maskedPreview).toBe('••••••••');

    const list = credentialsResponseSchema.parse((await call(owner.accessToken, 'GET', '/api/credentials')).json()).credentials;
    expect(list.map((item) => item.id).sort()).toEqual([credential.id, notes.id].sort());
    const filtered = credentialsResponseSchema.parse((await call(owner.accessToken, 'GET', '/api/credentials?type=example_notes')).json());
    expect(filtered.credentials).toEqual([notes]);
    const grouped = credentialsByIntegrationResponseSchema.parse((await call(owner.accessToken, 'GET', '/api/credentials/by-integration')).json());
    expect(grouped.byIntegration).toEqual({ example_chat: [credential], example_notes: [notes] });
    const references = credentialReferencesResponseSchema.parse((await call(owner.accessToken, 'GET', '/api/credentials/references?type=example_chat')).json());
    expect(references.references).toEqual([{ id: credential.id, name: 'Team chat', integrationType: 'example_chat' }]);
    expect((await call(owner.accessToken, 'GET', `/api/credentials/${credential.id}`)).json()).toEqual({ credential });

    for (const response of [
      await call(owner.accessToken, 'GET', '/api/credentials'), await call(owner.accessToken, 'GET', '/api/credentials/by-integration'),
      await call(owner.accessToken, 'GET', `/api/credentials/${credential.id}`),
    ]) {
      expect(response.body).not.toContain(values.api_key);
      expect(response.body).not.toContain(values.webhook_url);
    }
  });

  it('refuses values that do not fit the integration, with every field problem, and stores nothing', async () => {
    const unknown = expectValidationError(await call(owner.accessToken, 'POST', '/api/credentials', { name: 'x', integrationType: 'nope', data: {} }));
    expect(unknown.details).toEqual([{ path: 'integrationType', message: 'Unknown integration' }]);

    const bad = expectValidationError(
      await call(owner.accessToken, 'POST', '/api/credentials', {
        name: 'x', integrationType: 'example_chat', data: { webhook_url: 'https://evil.test/hook', mode: 'admin', extra: '{oops', password: 'x' },
      }),
    );
    expect(bad.details).toEqual([
      { path: 'data.password', message: 'Example Chat credentials have no field "password"' },
      { path: 'data.webhook_url', message: 'Use the https://hooks.example-chat.test/… URL of your channel' },
      { path: 'data.api_key', message: 'API key is required' },
      { path: 'data.mode', message: 'Mode must be one of: bot, user' },
      { path: 'data.extra', message: 'Extra settings must be valid JSON' },
    ]);
    expect(bad.message).toContain('API key is required');

    expectValidationError(await call(owner.accessToken, 'POST', '/api/credentials', { name: 'x', integrationType: 'example_chat', data: { api_key: 5 } }));
    expectValidationError(await call(owner.accessToken, 'POST', '/api/credentials', { name: 'x', integrationType: 'example_chat', data: {}, userId: other.user.id }));
    const composio = expectValidationError(
      await call(owner.accessToken, 'POST', '/api/credentials', { name: 'x', integrationType: 'example_composio', data: { composio_entity_id: 'e1' } }),
    );
    expect(composio.message).toContain('COMPOSIO_API_KEY');
    expect(await app.database.db.selectFrom('credentials').selectAll().execute()).toEqual([]);
  });

  it('renames, merges new values (secrets left empty are kept) and clears the stale test result', async () => {
    validKey = 'xoxb-valid-key-0123456789';
    const { credential, values } = await createExample(owner.accessToken, { ...exampleChatValues(), api_key: validKey });
    expect(credentialTestResponseSchema.parse((await call(owner.accessToken, 'POST', `/api/credentials/${credential.id}/test`)).json()).success).toBe(true);

    const renamed = await call(owner.accessToken, 'PUT', `/api/credentials/${credential.id}`, { name: 'Renamed' });
    expect(credentialResponseSchema.parse(renamed.json()).credential).toMatchObject({ name: 'Renamed', maskedPreview: credential.maskedPreview, testStatus: 'success' });

    const newHook = `https://hooks.example-chat.test/services/T01/B03/${'z'.repeat(32)}`;
    const updated = await call(owner.accessToken, 'PUT', `/api/credentials/${credential.id}`, { data: { webhook_url: newHook, api_key: '', workspace: '' } });
    const view = credentialResponseSchema.parse(updated.json()).credential;
    expect(view).toMatchObject({ maskedPreview: `${newHook.slice(0, 20)}…${newHook.slice(-8)}`, configuredFields: ['webhook_url', 'api_key', 'mode'], testStatus: null, lastTestAt: null });
    expect(await app.credentials.credentialsFor(owner.user.id)('example_chat')).toEqual({ webhook_url: newHook, api_key: values.api_key, mode: 'bot' });

    expectValidationError(await call(owner.accessToken, 'PUT', `/api/credentials/${credential.id}`, { data: { webhook_url: 'http://plain.test/x' } }));
    expectValidationError(await call(owner.accessToken, 'PUT', `/api/credentials/${credential.id}`, {}));
  });

  it('lets a credential whose values no longer open (a lost master key) be entered again in full', async () => {
    const { credential } = await createExample();
    await app.database.db.updateTable('credentials').set({ key_id: 'ffffffffffffffff' }).where('id', '=', credential.id).execute();
    const tested = await call(owner.accessToken, 'POST', `/api/credentials/${credential.id}/test`);
    expect(tested.statusCode).toBe(409);
    expect(apiErrorSchema.parse(tested.json()).error.message).toContain('ENCRYPTION_PREVIOUS_MASTER_KEYS');

    const partial = expectValidationError(await call(owner.accessToken, 'PUT', `/api/credentials/${credential.id}`, { data: { workspace: 'acme' } }));
    expect(partial.details).toEqual(expect.arrayContaining([{ path: 'data.webhook_url', message: 'Webhook URL is required' }, { path: 'data.api_key', message: 'API key is required' }]));
    const fresh = exampleChatValues();
    expect((await call(owner.accessToken, 'PUT', `/api/credentials/${credential.id}`, { data: fresh })).statusCode).toBe(200);
    expect(await app.credentials.credentialsFor(owner.user.id)('example_chat')).toEqual({ ...fresh, mode: 'bot' });
  });

  it('answers 404 for another user’s credential on every route, and lists only one’s own', async () => {
    const { credential, values } = await createExample();
    for (const [method, suffix, payload] of [['GET', ''], ['PUT', '', { name: 'mine now' }], ['DELETE', ''], ['POST', '/test']] as const) {
      const response = await call(other.accessToken, method, `/api/credentials/${credential.id}${suffix}`, payload);
      expect(response.statusCode).toBe(404);
      expect(apiErrorSchema.parse(response.json()).error.code).toBe('not_found');
      expect(response.body).not.toContain(values.api_key);
    }
    expect((await call(other.accessToken, 'GET', '/api/credentials')).json()).toEqual({ credentials: [] });
    expect((await call(other.accessToken, 'GET', '/api/credentials/references')).json()).toEqual({ references: [] });
    expect(double.requests).toEqual([]);
    expect((await call(owner.accessToken, 'GET', `/api/credentials/${credential.id}`)).json()).toMatchObject({ credential: { name: 'Team chat' } });
  });

  it('tests a credential against the service and stores the result; a refusal is success:false with a readable message', async () => {
    validKey = 'xoxb-valid-key-0123456789';
    const good = (await createExample(owner.accessToken, { ...exampleChatValues(), api_key: validKey })).credential;
    const passed = credentialTestResponseSchema.parse((await call(owner.accessToken, 'POST', `/api/credentials/${good.id}/test`)).json());
    expect(passed).toMatchObject({ success: true, message: 'Connected to workspace "Acme" as @clara', details: { team: 'Acme' } });
    expect(double.requests).toMatchObject([{ method: 'GET', path: '/v1/auth.test', headers: { authorization: `Bearer ${validKey}` } }]);

    const { credential: bad, values } = await createExample();
    const refused = await call(owner.accessToken, 'POST', `/api/credentials/${bad.id}/test`);
    expect(refused.statusCode).toBe(200);
    const failed = credentialTestResponseSchema.parse(refused.json());
    expect(failed.success).toBe(false);
    expect(failed.message).toBe('Example Chat refused the credential (401): invalid_auth. Check it on the Credentials page.');
    expect(refused.body).not.toContain(values.api_key);

    const stored = credentialsResponseSchema.parse((await call(owner.accessToken, 'GET', '/api/credentials')).json()).credentials;
    expect(stored.find((item) => item.id === good.id)).toMatchObject({ testStatus: 'success', lastTestAt: passed.testedAt, testMessage: passed.message });
    expect(stored.find((item) => item.id === bad.id)).toMatchObject({ testStatus: 'failed', lastTestAt: failed.testedAt, testMessage: failed.message });

    const notes = credentialResponseSchema.parse(
      (await call(owner.accessToken, 'POST', '/api/credentials', { name: 'Notes', integrationType: 'example_notes', data: { token: 't'.repeat(24) } })).json(),
    ).credential;
    expect(expectValidationError(await call(owner.accessToken, 'POST', `/api/credentials/${notes.id}/test`)).message).toContain('cannot be tested live');
  });

  it('deletes a credential, audits every change and test without values, and leaves no value in a dump of the database', async () => {
    validKey = 'xoxb-valid-key-0123456789';
    const secretsSeen: string[] = [];
    const first = await createExample(owner.accessToken, { ...exampleChatValues(), api_key: validKey });
    const second = await createExample(other.accessToken);
    secretsSeen.push(first.values.webhook_url, first.values.api_key, second.values.webhook_url, second.values.api_key);
    await call(owner.accessToken, 'POST', `/api/credentials/${first.credential.id}/test`);
    const replacement = `https://hooks.example-chat.test/services/T09/B09/${'q'.repeat(40)}`;
    secretsSeen.push(replacement);
    await call(owner.accessToken, 'PUT', `/api/credentials/${first.credential.id}`, { data: { webhook_url: replacement } });
    await app.credentials.credentialsFor(owner.user.id)('example_chat');

    const credentialRows = await app.database.db.selectFrom('credentials').selectAll().execute();
    const auditRows = await app.database.db.selectFrom('audit_log').selectAll().execute();
    const dump = JSON.stringify([credentialRows, auditRows]);
    for (const secret of secretsSeen) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(secret.slice(-16));
    }
    expect(credentialRows.every((row) => row.encrypted_data.startsWith('v1:'))).toBe(true);
    expect(app.logLines.join('\n')).not.toContain(first.values.api_key);

    expect((await call(owner.accessToken, 'DELETE', `/api/credentials/${first.credential.id}`)).statusCode).toBe(204);
    expect((await call(owner.accessToken, 'GET', `/api/credentials/${first.credential.id}`)).statusCode).toBe(404);
    const audited = await app.database.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'target_id', 'details']).where('action', 'like', 'credential.%').orderBy('created_at').execute();
    const ofFirst = audited.filter((row) => row.target_id === first.credential.id);
    expect(ofFirst.map((row) => row.action).sort()).toEqual(['credential.created', 'credential.deleted', 'credential.tested', 'credential.updated']);
    expect(ofFirst.every((row) => row.actor_user_id === owner.user.id && JSON.parse(row.details ?? '{}').integrationType === 'example_chat')).toBe(true);
    expect(ofFirst.find((row) => row.action === 'credential.tested')?.details).toContain('"success":true');
  });
});

describe('/api/integrations', () => {
  it('lists every category in order with its integrations, fields and tools; Composio ones unavailable without a key', async () => {
    const response = await call(owner.accessToken, 'GET', '/api/integrations');
    const { categories } = integrationsResponseSchema.parse(response.json());
    expect(categories.map((category) => category.id)).toEqual(integrationCategories.map((category) => category.id));
    const communication = categories.find((category) => category.id === 'communication')!;
    expect(communication.integrations.map((integration) => integration.id)).toEqual(['example_chat', 'example_composio']);
    const [chat, composio] = communication.integrations;
    expect(chat).toMatchObject({ name: 'Example Chat', tools: ['example_chat_post', 'example_chat_peek'], available: true, testable: true, docsUrl: 'https://docs.example-chat.test/tokens' });
    expect(chat!.fields.find((field) => field.key === 'mode')).toEqual({ key: 'mode', label: 'Mode', type: 'select', required: true, sensitive: false, options: ['bot', 'user'], default: 'bot' });
    expect(composio).toMatchObject({ available: false, testable: false, unavailableReason: expect.stringContaining('COMPOSIO_API_KEY') });
    expect(categories.find((category) => category.id === 'database')!.integrations).toEqual([]);

    const one = await call(owner.accessToken, 'GET', '/api/integrations/example_chat');
    expect(integrationResponseSchema.parse(one.json()).integration).toEqual(chat);
    expect((await call(owner.accessToken, 'GET', '/api/integrations/nothing_here')).statusCode).toBe(404);
    expect((await app.http.inject({ url: '/api/integrations' })).statusCode).toBe(401);
  });
});
