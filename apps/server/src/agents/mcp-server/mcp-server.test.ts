import type { SessionResponse } from '@claraverse/shared';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../../test/factories.js';
import { addOneWorkflow, createAgentWithWorkflow } from '../agents-test-support.js';

let app: TestApp;
let baseUrl: string;
let owner: SessionResponse;
let other: SessionResponse;

async function createKey(session: SessionResponse, scopes: string[]): Promise<string> {
  const response = await app.http.inject({ method: 'POST', url: '/api/keys', headers: bearer(session.accessToken), payload: { name: `key ${scopes.join(',')}`, scopes } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ apiKey: string }>().apiKey;
}

async function activate(session: SessionResponse, agentId: string, description: string): Promise<void> {
  const response = await app.http.inject({ method: 'PUT', url: `/api/agents/${agentId}`, headers: bearer(session.accessToken), payload: { status: 'active', description } });
  expect(response.statusCode, response.body).toBe(200);
}

/** An MCP SDK client connected to `/mcp` with `headers`. */
async function connect(headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: 'mcp-server-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), { requestInit: { headers } }));
  return client;
}

const initialize = (headers: Record<string, string>) =>
  fetch(`${baseUrl}/mcp`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } }),
  });

beforeAll(async () => {
  app = await createTestApp();
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const address = app.http.server.address();
  baseUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  const admin = await registerAdmin(app);
  await setRegistrationMode(app, admin.accessToken, 'open');
  owner = (await registerUser(app)).json<SessionResponse>();
  other = (await registerUser(app)).json<SessionResponse>();
  await activate(owner, await createAgentWithWorkflow(app, owner.accessToken, addOneWorkflow, 'Add One'), 'Adds one to n.');
  await activate(other, await createAgentWithWorkflow(app, other.accessToken, addOneWorkflow, 'Secret'), 'Not yours.');
});
afterAll(() => app.close());

describe('POST /mcp (ClaraVerse as an MCP server)', () => {
  it('lists the key owner’s active agent as a tool and runs it', async () => {
    const client = await connect({ authorization: `Bearer ${await createKey(owner, ['mcp'])}` });
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(['agent_add_one']);
      expect(tools[0]).toMatchObject({ description: 'Adds one to n.', inputSchema: { type: 'object', required: ['input'] } });
      const result = await client.callTool({ name: 'agent_add_one', arguments: { input: { n: 41 } } });
      expect(result.isError).toBeUndefined();
      const content = result.content as Array<{ type: string; text: string }>;
      expect(content[0]?.type).toBe('text');
      expect(JSON.parse(content[0]!.text)).toMatchObject({ status: 'completed', output: { Result: 42 } });
    } finally {
      await client.close();
    }
  });

  it('lists only the other user’s agents for their key (X-API-Key)', async () => {
    const client = await connect({ 'x-api-key': await createKey(other, ['mcp']) });
    try {
      expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['agent_secret']);
      const refused = await client.callTool({ name: 'agent_add_one', arguments: { input: { n: 1 } } }).catch((error: unknown) => error);
      expect(String(refused)).toContain('Unknown tool: agent_add_one');
    } finally {
      await client.close();
    }
  });

  it('refuses a request without a key (401) and a key without the mcp scope (403)', async () => {
    const none = await initialize({});
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    const chatOnly = await initialize({ authorization: `Bearer ${await createKey(owner, ['chat'])}` });
    expect(chatOnly.status).toBe(403);
    expect(((await chatOnly.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    await expect(connect({ 'x-api-key': await createKey(owner, ['mcp-bridge']) })).rejects.toThrow();
  });

  it('refuses revoked and expired keys (401, the one error format)', async () => {
    const keys = await Promise.all([0, 1].map(async () => {
      const response = await app.http.inject({ method: 'POST', url: '/api/keys', headers: bearer(owner.accessToken), payload: { name: 'mcp', scopes: ['mcp'], expiresInDays: 1 } });
      return response.json<{ apiKey: string; key: { id: string } }>();
    }));
    const [revoked, expired] = keys as [(typeof keys)[0], (typeof keys)[0]];
    expect((await initialize({ authorization: `Bearer ${revoked.apiKey}` })).status).toBe(200);
    await app.http.inject({ method: 'POST', url: `/api/keys/${revoked.key.id}/revoke`, headers: bearer(owner.accessToken) });
    await app.database.db.updateTable('api_keys').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', expired.key.id).execute();
    for (const key of [revoked, expired]) {
      const refused = await initialize({ authorization: `Bearer ${key.apiKey}` });
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('revoked or expired') });
    }
  });
});
