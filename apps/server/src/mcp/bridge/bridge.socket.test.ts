import type { SessionResponse, UserBridge } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../../test/factories.js';
import { openTestSocket, type TestSocketClient } from '../../test/socket-client.js';
import { callTool, mcpToolOf } from '../test-mcp-servers.js';

type Message = { type: string } & Record<string, unknown>;

type BridgeTestClient = TestSocketClient<Message>;

let app: TestApp;
let baseUrl: string;
let owner: SessionResponse;
let other: SessionResponse;
let bridgeKey: string;

async function createKey(session: SessionResponse, scopes: string[]): Promise<string> {
  const response = await app.http.inject({ method: 'POST', url: '/api/keys', headers: bearer(session.accessToken), payload: { name: `key ${scopes.join(',')}`, scopes } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ apiKey: string }>().apiKey;
}

/** Opens `/mcp/connect` and sends `auth`; does not wait for `ready` (some tests expect a refusal). */
const openBridge = (token: string): Promise<BridgeTestClient> => openTestSocket<Message>(baseUrl, '/mcp/connect', token);

const echoTool = { server: 'Laptop Tools', name: 'echo', description: 'Echoes', inputSchema: { type: 'object', properties: { message: { type: 'string' } } } };

async function registeredBridge(token = bridgeKey, tools: object[] = [echoTool]): Promise<BridgeTestClient> {
  const client = await openBridge(token);
  await client.waitFor((message) => message.type === 'ready');
  client.send({ type: 'bridge.register', clientId: 'laptop-1', clientVersion: '0.1.0', platform: 'linux', tools });
  await client.waitFor((message) => message.type === 'bridge.ack');
  return client;
}

const bridgeState = async (session: SessionResponse) =>
  (await app.http.inject({ method: 'GET', url: '/api/user/bridge', headers: bearer(session.accessToken) })).json<UserBridge>();

beforeAll(async () => {
  app = await createTestApp({ overrides: { mcpTimings: { callTimeoutMs: 1_000 } } });
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const address = app.http.server.address();
  baseUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  const admin = await registerAdmin(app);
  await setRegistrationMode(app, admin.accessToken, 'open');
  owner = (await registerUser(app)).json<SessionResponse>();
  other = (await registerUser(app)).json<SessionResponse>();
  bridgeKey = await createKey(owner, ['mcp-bridge']);
});
afterAll(() => app.close());

describe('WS /mcp/connect', () => {
  it('takes an mcp-bridge API key, registers tools that become the user’s alone, and routes a call to the bridge', async () => {
    const client = await openBridge(bridgeKey);
    expect(await client.waitFor((message) => message.type === 'ready')).toEqual({ type: 'ready', userId: owner.user.id });
    client.send({ type: 'bridge.register', clientId: 'laptop-1', clientVersion: '0.1.0', platform: 'linux', tools: [echoTool, { ...echoTool, description: 'duplicate' }] });
    expect(await client.waitFor((message) => message.type === 'bridge.ack')).toEqual({ type: 'bridge.ack', toolsRegistered: 1, replacedPrevious: false });
    client.send({ type: 'bridge.heartbeat' });

    await expect.poll(async () => (await bridgeState(owner)).lastHeartbeatAt).not.toBeNull();
    expect(await bridgeState(owner)).toMatchObject({
      connected: true, clientId: 'laptop-1', clientVersion: '0.1.0', platform: 'linux',
      tools: [{ registryName: 'laptop-tools__echo', server: 'Laptop Tools', name: 'echo', description: 'Echoes' }],
    });
    expect(await bridgeState(other)).toMatchObject({ connected: false, tools: [] });
    expect(await mcpToolOf(app, other.user.id, 'laptop-tools__echo')).toBeUndefined();

    const tool = await mcpToolOf(app, owner.user.id, 'laptop-tools__echo');
    expect(tool).toMatchObject({ source: 'bridge:Laptop Tools', category: 'mcp' });
    const result = callTool(tool!, owner.user.id, { message: 'through the bridge' });
    const call = await client.waitFor((message) => message.type === 'bridge.tool-call');
    expect(call).toMatchObject({ server: 'Laptop Tools', tool: 'echo', arguments: { message: 'through the bridge' }, timeoutMs: 1_000 });
    client.send({ type: 'bridge.tool-result', callId: call.callId, isError: false, content: [{ type: 'text', text: 'Echo: through the bridge' }] });
    expect(await result).toEqual({ result: 'Echo: through the bridge' });

    const audit = await app.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'mcp.tool-called').where('actor_user_id', '=', owner.user.id).execute();
    expect(audit.map((row) => [row.target_type, row.target_id, JSON.parse(row.details ?? '{}')])).toContainEqual(['mcp_bridge', 'laptop-1', { source: 'bridge', server: 'Laptop Tools', tool: 'echo', outcome: 'completed' }]);
    expect(JSON.stringify(audit)).not.toContain('through the bridge');

    client.send({ type: 'bridge.disconnect' });
    expect((await client.closed).code).toBe(1000);
    await expect.poll(async () => (await bridgeState(owner)).connected).toBe(false);
    expect(await mcpToolOf(app, owner.user.id, 'laptop-tools__echo')).toBeUndefined();
  });

  it('refuses a key without the mcp-bridge scope, a bad token, and heartbeats before register', async () => {
    const chatOnly = await openBridge(await createKey(owner, ['chat']));
    expect((await chatOnly.closed).code).toBe(4401);
    // The bridge key opens only the bridge route: the chat socket refuses it.
    const chatSocket = await openTestSocket<Message>(baseUrl, '/ws/chat', bridgeKey);
    expect((await chatSocket.closed).code).toBe(4401);
    const bogus = await openBridge(`clv_${'0'.repeat(64)}`);
    expect((await bogus.closed).code).toBe(4401);
    const viaAccessToken = await openBridge(other.accessToken);
    await viaAccessToken.waitFor((message) => message.type === 'ready');
    viaAccessToken.send({ type: 'bridge.heartbeat' });
    expect(await viaAccessToken.waitFor((message) => message.type === 'error')).toMatchObject({ code: 'validation_failed', message: 'Send bridge.register first' });
    viaAccessToken.send({ type: 'bridge.register', clientId: 'x', clientVersion: '1', platform: 'linux', tools: [{ server: '', name: 'a', inputSchema: {} }] });
    expect(await viaAccessToken.waitFor((message) => message.type === 'error' && message.code === 'validation_failed' && message.message === 'Invalid message')).toBeDefined();
    viaAccessToken.socket.close();
  });

  it('fails a call that times out, tells the bridge to cancel it, and ignores the late result', async () => {
    const client = await registeredBridge();
    const tool = await mcpToolOf(app, owner.user.id, 'laptop-tools__echo');
    const result = callTool(tool!, owner.user.id, { message: 'slow' });
    const call = await client.waitFor((message) => message.type === 'bridge.tool-call');
    await expect(result).rejects.toThrow(/Your bridge's server "Laptop Tools" did not answer echo within 1 s/);
    expect(await client.waitFor((message) => message.type === 'bridge.tool-cancel')).toEqual({ type: 'bridge.tool-cancel', callId: call.callId });
    client.send({ type: 'bridge.tool-result', callId: call.callId, isError: false, content: [{ type: 'text', text: 'late' }] });
    client.send({ type: 'ping', timestamp: 1 });
    await client.waitFor((message) => message.type === 'pong');
    client.socket.close();
    await client.closed;
  });

  it('fails a call in flight when the bridge drops, and its tools go with it', async () => {
    const client = await registeredBridge();
    const tool = await mcpToolOf(app, owner.user.id, 'laptop-tools__echo');
    const result = callTool(tool!, owner.user.id, { message: 'lost' });
    await client.waitFor((message) => message.type === 'bridge.tool-call');
    client.socket.terminate();
    await expect(result).rejects.toThrow(/Your bridge disconnected during the call/);
    await expect.poll(async () => (await bridgeState(owner)).connected).toBe(false);
    const rows = await app.database.db.selectFrom('audit_log').select('details').where('action', '=', 'mcp.tool-called').where('actor_user_id', '=', owner.user.id).execute();
    expect(rows.map((row) => JSON.parse(row.details ?? '{}') as unknown)).toContainEqual({ source: 'bridge', server: 'Laptop Tools', tool: 'echo', outcome: 'failed', reason: 'disconnected' });
  });

  it('keeps one bridge per user: a newer registration replaces the older one, which is told and closed with 4409', async () => {
    const first = await registeredBridge();
    const second = await openBridge(bridgeKey);
    await second.waitFor((message) => message.type === 'ready');
    second.send({ type: 'bridge.register', clientId: 'desktop-2', clientVersion: '0.1.0', platform: 'darwin', tools: [{ ...echoTool, server: 'Desktop' }] });
    expect(await second.waitFor((message) => message.type === 'bridge.ack')).toMatchObject({ replacedPrevious: true });
    expect(await first.waitFor((message) => message.type === 'bridge.replaced')).toMatchObject({ message: expect.stringContaining('replaced this one') });
    expect(await first.closed).toEqual({ code: 4409, reason: 'replaced by a newer bridge' });
    expect(await bridgeState(owner)).toMatchObject({ connected: true, clientId: 'desktop-2', tools: [{ registryName: 'desktop__echo' }] });
    expect(await mcpToolOf(app, owner.user.id, 'laptop-tools__echo')).toBeUndefined();
    second.socket.close();
    await second.closed;
  });

  it('answers GET /api/user/bridge only for a signed-in user', async () => {
    expect((await app.http.inject({ method: 'GET', url: '/api/user/bridge' })).statusCode).toBe(401);
  });
});
