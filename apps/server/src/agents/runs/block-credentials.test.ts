import { createHmac } from 'node:crypto';
import { createWebhookResponseSchema, executionRecordSchema, type ExecutionRecord, type SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { startDoubleServer, type DoubleServer } from '../../test/llm-doubles/double-server.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../../test/factories.js';
import { createAgentWithWorkflow } from '../agents-test-support.js';

const token = 'tok_live_9f8e7d6c5b4a';

let app: TestApp;
let api: DoubleServer;
let owner: SessionResponse;
beforeEach(async () => {
  // The third-party API: answers 401 unless it gets the credential's bearer token, and echoes the headers it got
  // (a careless API may do that: the secret must still not reach the execution record).
  api = await startDoubleServer(async ({ response, recorded }) => {
    const authorized = recorded.headers.authorization === `Bearer ${token}`;
    response.writeHead(authorized ? 200 : 401, { 'content-type': 'application/json', 'x-seen-auth': String(recorded.headers.authorization) });
    response.end(JSON.stringify({ authorized, path: recorded.path, echo: recorded.headers }));
  });
  app = await createTestApp({ env: { OUTBOUND_ALLOWLIST: '127.0.0.1/32' } });
  owner = await registerAdmin(app);
});
afterEach(async () => {
  await app.close();
  await api.close();
});

async function addCredential(session: SessionResponse, integrationType: string, data: Record<string, string>): Promise<string> {
  const response = await app.http.inject({ method: 'POST', url: '/api/credentials', headers: bearer(session.accessToken), payload: { name: `${integrationType} test`, integrationType, data } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ credential: { id: string } }>().credential.id;
}

/** start → one block (`config`) → output "Result" = the block's output. */
function oneBlock(type: string, config: Record<string, unknown>) {
  return {
    blocks: [
      { id: 'start', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'json' } },
      { id: 'call', normalizedId: 'call', type, name: 'Call', config },
      { id: 'out', normalizedId: 'result', type: 'output', name: 'Result', config: { value: '{{call}}' } },
    ],
    connections: [{ id: 'c1', sourceBlockId: 'start', targetBlockId: 'call' }, { id: 'c2', sourceBlockId: 'call', targetBlockId: 'out' }],
    variables: [],
  };
}

async function run(session: SessionResponse, workflow: object, input: unknown = {}): Promise<ExecutionRecord> {
  const agentId = await createAgentWithWorkflow(app, session.accessToken, workflow, 'Caller');
  const done = await (await app.agents.runs.start(session.user.id, agentId, input, { trigger: 'manual' })).done;
  // What the history API serves is what is stored.
  return executionRecordSchema.parse((await app.http.inject({ url: `/api/executions/${done.id}`, headers: bearer(session.accessToken) })).json());
}

describe('http_request blocks with a credential by reference', () => {
  it('applies a REST API credential’s bearer token under its base URL, and keeps the secret out of records and logs', async () => {
    const credentialId = await addCredential(owner, 'rest_api', { base_url: `${api.origin}/v2`, auth_type: 'bearer', auth_value: token, headers: '{"Accept": "application/json"}' });
    const record = await run(owner, oneBlock('http_request', { method: 'GET', url: '/users/{{input.id}}', headers: { 'X-Trace': 'run-1', Authorization: 'Bearer forged' }, credentialId }), { id: 42 });

    expect(record.status).toBe('completed');
    const seen = api.requests.at(-1)!;
    expect(seen.path).toBe('/v2/users/42');
    // The credential's header replaces the block's; the block's other headers are sent.
    expect(seen.headers.authorization).toBe(`Bearer ${token}`);
    expect(seen.headers['x-trace']).toBe('run-1');
    expect(seen.headers.accept).toBe('application/json');
    expect(record.output).toMatchObject({ Result: { status: 200, body: { authorized: true, path: '/v2/users/42', echo: { authorization: '[redacted]' } }, headers: { 'x-seen-auth': '[redacted]' } } });
    expect(JSON.stringify(record)).not.toContain(token);
    expect(app.logLines.join('\n')).not.toContain(token);
  });

  it('applies basic and API-key header auth, and refuses a URL outside the credential’s base URL', async () => {
    const basic = await addCredential(owner, 'rest_api', { base_url: api.origin, auth_type: 'basic', auth_value: 'ada:s3cret-pw' });
    await run(owner, oneBlock('http_request', { method: 'POST', url: `${api.origin}/items`, body: { a: 1 }, credentialId: basic, failOnStatus: false }));
    expect(api.requests.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from('ada:s3cret-pw').toString('base64')}`);
    expect(api.requests.at(-1)!.body).toEqual({ a: 1 });

    const keyed = await addCredential(owner, 'rest_api', { base_url: api.origin, auth_type: 'header', auth_value: 'key-123456', auth_header_name: 'X-Api-Key' });
    await run(owner, oneBlock('http_request', { url: '/ping', credentialId: keyed, failOnStatus: false }));
    expect(api.requests.at(-1)!.headers['x-api-key']).toBe('key-123456');

    const requestsBefore = api.requests.length;
    const elsewhere = await run(owner, oneBlock('http_request', { url: 'http://127.0.0.2:9/steal', credentialId: keyed }));
    expect(elsewhere.blocks.call?.status).toBe('failed');
    expect(elsewhere.blocks.call?.error).toMatchObject({ code: 'CREDENTIAL_URL_MISMATCH', message: expect.stringContaining(`may only be sent under ${api.origin}/`) });
    expect(api.requests).toHaveLength(requestsBefore);
  });

  it('fails the block with a clear error for another user’s credential, an unknown one, or a type it cannot apply', async () => {
    await setRegistrationMode(app, owner.accessToken, 'open');
    const other = (await registerUser(app)).json<SessionResponse>();
    const theirs = await addCredential(other, 'rest_api', { base_url: api.origin, auth_type: 'bearer', auth_value: token });
    for (const credentialId of [theirs, 'no-such-credential']) {
      const record = await run(owner, oneBlock('http_request', { url: `${api.origin}/x`, credentialId }));
      expect(record.blocks.call?.status).toBe('failed');
      expect(record.blocks.call?.error).toMatchObject({ code: 'CREDENTIAL_NOT_FOUND', message: expect.stringContaining('not one of your credentials') });
    }
    const discord = await addCredential(owner, 'discord', { webhook_url: 'https://discord.com/api/webhooks/1/abc' });
    const refused = await run(owner, oneBlock('http_request', { url: `${api.origin}/x`, credentialId: discord }));
    expect(refused.blocks.call?.error).toMatchObject({ code: 'CREDENTIAL_TYPE_UNSUPPORTED', message: expect.stringContaining('use a REST API or Custom Webhook credential') });
    expect(api.requests).toHaveLength(0);
  });
});

describe('webhook blocks (outbound, signed)', () => {
  const verify = (secret: string, headers: Record<string, unknown>, rawBody: Buffer) => {
    const timestamp = String(headers['x-claraverse-timestamp']);
    return headers['x-claraverse-signature'] === `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody.toString('utf8')}`).digest('hex')}`;
  };

  it('POSTs the JSON body signed with the agent’s webhook secret, which the receiver verifies', async () => {
    const workflow = oneBlock('webhook', { url: `${api.origin}/hooks/in?src=cv`, body: { order: '{{input.order}}', total: '{{input.total}}' }, headers: { 'X-Extra': 'yes' }, secretRef: 'agent' });
    const agentId = await createAgentWithWorkflow(app, owner.accessToken, workflow, 'Notifier');
    // Without a signed webhook there is no secret to sign with: a clear failure, nothing sent.
    const unsigned = await (await app.agents.runs.start(owner.user.id, agentId, { order: 'A-1', total: 3 }, { trigger: 'manual' })).done;
    expect(unsigned.blocks.call?.error).toMatchObject({ code: 'SECRET_NOT_FOUND', message: expect.stringContaining('no signed webhook') });
    expect(api.requests).toHaveLength(0);

    const { secret } = createWebhookResponseSchema.parse((await app.http.inject({ method: 'POST', url: `/api/agents/${agentId}/webhook`, headers: bearer(owner.accessToken), payload: { signed: true } })).json());
    const signed = await (await app.agents.runs.start(owner.user.id, agentId, { order: 'A-2', total: 5 }, { trigger: 'manual' })).done;
    const received = api.requests.at(-1)!;
    expect(received).toMatchObject({ method: 'POST', path: '/hooks/in', query: { src: 'cv' }, body: { order: 'A-2', total: 5 } });
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['x-extra']).toBe('yes');
    expect(verify(secret!, received.headers, received.rawBody)).toBe(true);
    expect(verify('whsec_wrong', received.headers, received.rawBody)).toBe(false);
    // The receiver answered 401 (no bearer): a webhook block fails on a non-2xx answer.
    expect(signed.blocks.call).toMatchObject({ status: 'failed', error: { code: 'HTTP_STATUS' } });
    expect(JSON.stringify(signed)).not.toContain(secret!);
  });

  it('signs with a credential’s secret by reference', async () => {
    const credentialId = await addCredential(owner, 'custom_webhook', { url: `${api.origin}/hook`, method: 'POST', auth_type: 'bearer', auth_value: token });
    const record = await run(owner, oneBlock('webhook', { url: `${api.origin}/hook`, body: { hello: 'world' }, headers: { Authorization: `Bearer ${token}` }, secretRef: credentialId }));
    const received = api.requests.at(-1)!;
    expect(verify(token, received.headers, received.rawBody)).toBe(true);
    expect(record).toMatchObject({ status: 'completed', output: { Result: { status: 200, body: { authorized: true } } } });

    const strangers = await run(owner, oneBlock('webhook', { url: `${api.origin}/hook`, body: {}, secretRef: 'someone-elses-credential' }));
    expect(strangers.blocks.call?.error).toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
  });
});
