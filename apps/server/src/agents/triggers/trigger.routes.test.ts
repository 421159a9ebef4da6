import { apiErrorSchema, executionRecordSchema, type SessionResponse, triggerAcceptedSchema } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../../test/factories.js';
import { createAgentWithWorkflow, createApiKey } from '../agents-test-support.js';

let app: TestApp;
let owner: SessionResponse;
let agentId: string;
beforeEach(async () => {
  app = await createTestApp();
  owner = await registerAdmin(app);
  agentId = await createAgentWithWorkflow(app, owner.accessToken);
});
afterEach(() => app.close());

const trigger = (apiKey: string | null, id: string, payload: object, query = '') =>
  app.http.inject({ method: 'POST', url: `/api/trigger/${id}${query}`, headers: apiKey ? { 'x-api-key': apiKey } : {}, payload });
const status = (apiKey: string, executionId: string) => app.http.inject({ url: `/api/trigger/status/${executionId}`, headers: { 'x-api-key': apiKey } });
const errorOf = (response: { json(): unknown }) => apiErrorSchema.parse(response.json()).error;

describe('POST /api/trigger/:agentId', () => {
  it('starts a run with execute:* (202) and serves its record to a read:executions key', async () => {
    const { apiKey, id: keyId } = await createApiKey(app, owner.accessToken, ['execute:*', 'read:executions']);
    const response = await trigger(apiKey, agentId, { input: { n: 41 } });
    expect(response.statusCode).toBe(202);
    const accepted = triggerAcceptedSchema.parse(response.json());
    expect(accepted.status).toBe('running');
    await app.agents.runs.whenDone(accepted.executionId);

    const record = executionRecordSchema.parse((await status(apiKey, accepted.executionId)).json());
    expect(record).toMatchObject({ id: accepted.executionId, agentId, trigger: 'api', status: 'completed', input: { n: 41 }, output: { Result: 42 }, error: null });
    expect(record.durationMs).toEqual(expect.any(Number));
    expect(Object.values(record.blocks).map((block) => block.status)).toEqual(['completed', 'completed', 'completed']);
    const stored = await app.database.db.selectFrom('executions').select(['api_key_id', 'trigger']).where('id', '=', accepted.executionId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ api_key_id: keyId, trigger: 'api' });
  });

  it('answers 200 with the finished record when asked to wait', async () => {
    const { apiKey } = await createApiKey(app, owner.accessToken, [`execute:${agentId}`]);
    const response = await trigger(apiKey, agentId, { input: { n: 1 } }, '?wait=true');
    expect(response.statusCode).toBe(200);
    expect(executionRecordSchema.parse(response.json())).toMatchObject({ agentId, status: 'completed', output: { Result: 2 }, blocks: { b2: { output: 2 } } });
  });

  it('refuses missing, unknown, revoked, expired and out-of-scope keys, and other users’ agents', async () => {
    const otherAgent = await createAgentWithWorkflow(app, owner.accessToken, undefined, 'Other');
    const narrow = await createApiKey(app, owner.accessToken, [`execute:${otherAgent}`]);
    const chatOnly = await createApiKey(app, owner.accessToken, ['chat']);
    const revoked = await createApiKey(app, owner.accessToken, ['execute:*']);
    await app.http.inject({ method: 'POST', url: `/api/keys/${revoked.id}/revoke`, headers: bearer(owner.accessToken) });
    const expired = await createApiKey(app, owner.accessToken, ['execute:*'], { expiresInDays: 1 });
    await app.database.db.updateTable('api_keys').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', expired.id).execute();

    const cases: Array<[string, string | null, number, string]> = [
      ['no key', null, 401, 'unauthenticated'],
      ['unknown key', `clv_${'0'.repeat(64)}`, 401, 'unauthenticated'],
      ['revoked', revoked.apiKey, 401, 'unauthenticated'],
      ['expired', expired.apiKey, 401, 'unauthenticated'],
      ['another agent’s scope', narrow.apiKey, 403, 'forbidden'],
      ['chat scope', chatOnly.apiKey, 403, 'forbidden'],
    ];
    for (const [name, key, code, errorCode] of cases) {
      const response = await trigger(key, agentId, { input: { n: 1 } });
      expect(response.statusCode, name).toBe(code);
      expect(errorOf(response).code, name).toBe(errorCode);
    }
    expect((await trigger(narrow.apiKey, otherAgent, { input: { n: 1 } }, '?wait=true')).statusCode).toBe(200);

    await setRegistrationMode(app, owner.accessToken, 'open');
    const stranger = (await registerUser(app)).json<SessionResponse>();
    const strangerKey = await createApiKey(app, stranger.accessToken, ['execute:*', 'read:executions']);
    const foreign = await trigger(strangerKey.apiKey, agentId, { input: { n: 1 } });
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign).code).toBe('not_found');
    expect(await app.database.db.selectFrom('executions').select('id').where('user_id', '=', stranger.user.id).execute()).toEqual([]);
  });

  it('takes the key as "Authorization: Bearer clv_…" too, refusing revoked and out-of-scope keys the same way', async () => {
    const { apiKey, id } = await createApiKey(app, owner.accessToken, ['execute:*', 'read:executions']);
    const asBearer = { authorization: `Bearer ${apiKey}` };
    const started = await app.http.inject({ method: 'POST', url: `/api/trigger/${agentId}`, headers: asBearer, payload: { input: { n: 9 } } });
    expect(started.statusCode, started.body).toBe(202);
    const { executionId } = triggerAcceptedSchema.parse(started.json());
    await app.agents.runs.whenDone(executionId);
    const polled = await app.http.inject({ url: `/api/trigger/status/${executionId}`, headers: asBearer });
    expect(executionRecordSchema.parse(polled.json())).toMatchObject({ id: executionId, status: 'completed', output: { Result: 10 } });
    const waited = await app.http.inject({ method: 'POST', url: `/api/trigger/${agentId}?wait=true`, headers: asBearer, payload: { input: { n: 1 } } });
    expect(executionRecordSchema.parse(waited.json())).toMatchObject({ status: 'completed', output: { Result: 2 } });

    const readOnly = await createApiKey(app, owner.accessToken, ['read:executions']);
    const outOfScope = await app.http.inject({ method: 'POST', url: `/api/trigger/${agentId}`, headers: { authorization: `Bearer ${readOnly.apiKey}` }, payload: { input: { n: 1 } } });
    expect(outOfScope.statusCode).toBe(403);
    expect(errorOf(outOfScope).code).toBe('forbidden');
    await app.http.inject({ method: 'POST', url: `/api/keys/${id}/revoke`, headers: bearer(owner.accessToken) });
    for (const response of [
      await app.http.inject({ method: 'POST', url: `/api/trigger/${agentId}`, headers: asBearer, payload: { input: { n: 1 } } }),
      await app.http.inject({ url: `/api/trigger/status/${executionId}`, headers: asBearer }),
    ]) {
      expect(response.statusCode).toBe(401);
      expect(errorOf(response)).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('revoked') });
    }
  });

  it('may be called by browsers on any origin (CORS *, no cookies), preflight included', async () => {
    const { apiKey } = await createApiKey(app, owner.accessToken, ['execute:*', 'read:executions']);
    const origin = 'https://partner.example';
    for (const [url, method] of [[`/api/trigger/${agentId}`, 'POST'], ['/api/trigger/status/some-id', 'GET']] as const) {
      const preflight = await app.http.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'x-api-key, content-type' } });
      expect(preflight.statusCode, url).toBe(204);
      expect(preflight.headers['access-control-allow-origin'], url).toBe('*');
      expect(preflight.headers['access-control-allow-credentials'], url).toBeUndefined();
      expect(String(preflight.headers['access-control-allow-headers']), url).toContain('x-api-key');
    }
    const response = await app.http.inject({ method: 'POST', url: `/api/trigger/${agentId}?wait=true`, headers: { origin, 'x-api-key': apiKey }, payload: { input: { n: 2 } } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    // Routes for the app itself stay closed to other origins.
    const closed = await app.http.inject({ method: 'OPTIONS', url: '/api/agents', headers: { origin, 'access-control-request-method': 'GET' } });
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps status to read:executions keys of the owner, and refuses agents without a workflow', async () => {
    const runner = await createApiKey(app, owner.accessToken, ['execute:*']);
    const { executionId } = triggerAcceptedSchema.parse((await trigger(runner.apiKey, agentId, { input: { n: 1 } })).json());
    await app.agents.runs.whenDone(executionId);
    const noRead = await status(runner.apiKey, executionId);
    expect(noRead.statusCode).toBe(403);
    expect(errorOf(noRead).message).toContain('read:executions');

    await setRegistrationMode(app, owner.accessToken, 'open');
    const stranger = (await registerUser(app)).json<SessionResponse>();
    const strangerKey = await createApiKey(app, stranger.accessToken, ['read:executions']);
    expect((await status(strangerKey.apiKey, executionId)).statusCode).toBe(404);

    const empty = (await app.http.inject({ method: 'POST', url: '/api/agents', headers: bearer(owner.accessToken), payload: { name: 'Empty' } })).json<{ agent: { id: string } }>().agent.id;
    const refused = await trigger(runner.apiKey, empty, { input: {} });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused)).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('no workflow') });
  });

  it('refuses input that does not match the start block’s schema, before any run is recorded', async () => {
    const strict = await createAgentWithWorkflow(app, owner.accessToken, {
      blocks: [
        { id: 's', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'json', jsonSchema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] } } },
        { id: 'o', normalizedId: 'out', type: 'output', name: 'Out', config: { value: '{{input.n}}' } },
      ],
      connections: [{ id: 'c', sourceBlockId: 's', targetBlockId: 'o' }],
      variables: [],
    }, 'Strict');
    const { apiKey } = await createApiKey(app, owner.accessToken, ['execute:*']);
    const refused = await trigger(apiKey, strict, { input: { m: 1 } });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused)).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('schema') });
    expect(await app.database.db.selectFrom('executions').select('id').where('agent_id', '=', strict).execute()).toEqual([]);
    expect((await trigger(apiKey, strict, { input: { n: 3 } }, '?wait=true')).json()).toMatchObject({ status: 'completed', output: { Out: 3 } });
  });
});
