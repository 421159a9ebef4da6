import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionResponse } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../test/factories.js';
import {
  callTool, everythingStdio, filesystemServerPath, isProcessAlive, mcpToolOf, readServer, startEverythingHttp, waitForExit, waitForServer,
} from './test-mcp-servers.js';

let app: TestApp;
let admin: SessionResponse;
let member: SessionResponse;

beforeAll(async () => {
  app = await createTestApp({ env: { OUTBOUND_ALLOWLIST: '127.0.0.1/32' }, overrides: { mcpTimings: { reconnectBaseMs: 50, reconnectMaxMs: 500, pingIntervalMs: 200, pingTimeoutMs: 2_000 } } });
  admin = await registerAdmin(app);
  await setRegistrationMode(app, admin.accessToken, 'open');
  member = (await registerUser(app)).json<SessionResponse>();
});
afterAll(() => app.close());

async function createServer(body: Record<string, unknown>) {
  return app.http.inject({ method: 'POST', url: '/api/admin/mcp-servers', headers: bearer(admin.accessToken), payload: body });
}

async function createConnected(body: Record<string, unknown>) {
  const response = await createServer(body);
  expect(response.statusCode, response.body).toBe(201);
  const { server } = response.json<{ server: { id: string } }>();
  return waitForServer(app, admin.accessToken, server.id, (detail) => detail.server.status === 'connected');
}

const deleteServer = (id: string) => app.http.inject({ method: 'DELETE', url: `/api/admin/mcp-servers/${id}`, headers: bearer(admin.accessToken) });

describe('admin MCP servers over stdio (server-everything)', () => {
  it('connects, lists the tools, keeps env values secret, and calls echo, get-sum and get-tiny-image with audit rows', async () => {
    const response = await createServer({ name: 'Everything', ...everythingStdio, env: { CLARA_TEST_SECRET: 's3cr3t-value-42' } });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<{ server: Record<string, unknown> }>().server;
    expect(created).toMatchObject({ name: 'Everything', slug: 'everything', transport: 'stdio', env: { CLARA_TEST_SECRET: '********' }, enabled: true });
    expect(['connecting', 'connected']).toContain(created.status);
    expect(response.body).not.toContain('s3cr3t-value-42');

    const detail = await waitForServer(app, admin.accessToken, created.id as string, (value) => value.server.status === 'connected');
    expect(detail.tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['echo', 'get-sum', 'get-env', 'get-tiny-image']));
    expect(detail.tools.find((tool) => tool.name === 'get-sum')).toMatchObject({ registryName: 'everything__get-sum', description: 'Returns the sum of two numbers' });
    expect(detail.server.processId).toEqual(expect.any(Number));
    const stored = await app.database.db.selectFrom('mcp_servers').selectAll().where('id', '=', created.id as string).executeTakeFirstOrThrow();
    expect(stored.env).not.toContain('s3cr3t-value-42');
    const storedTools = await app.database.db.selectFrom('mcp_server_tools').select('name').where('server_id', '=', created.id as string).execute();
    expect(storedTools.map((tool) => tool.name)).toContain('echo');

    const echo = await mcpToolOf(app, member.user.id, 'everything__echo');
    expect(echo).toMatchObject({ source: 'mcp:Everything', category: 'mcp' });
    expect(echo?.inputJsonSchema).toMatchObject({ type: 'object', properties: { message: { type: 'string' } } });
    expect(await callTool(echo!, member.user.id, { message: 'private words' })).toEqual({ result: 'Echo: private words' });
    const sum = await mcpToolOf(app, member.user.id, 'everything__get-sum');
    expect(await callTool(sum!, member.user.id, { a: 2, b: 3 })).toEqual({ result: 'The sum of 2 and 3 is 5.' });
    const image = await callTool((await mcpToolOf(app, member.user.id, 'everything__get-tiny-image'))!, member.user.id, {});
    expect(image.plots).toEqual([{ format: 'png', data: expect.stringMatching(/^iVBOR/) }]);
    // The decrypted env reached the child (and only the child).
    const env = await callTool((await mcpToolOf(app, member.user.id, 'everything__get-env'))!, member.user.id, {});
    expect(String(env.result)).toContain('s3cr3t-value-42');
    expect(app.logLines.join('\n')).not.toContain('s3cr3t-value-42');

    const audit = await app.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'mcp.tool-called').where('actor_user_id', '=', member.user.id).execute();
    expect(audit.map((row) => JSON.parse(row.details ?? '{}') as Record<string, unknown>)).toEqual(expect.arrayContaining([
      { source: 'mcp', server: 'Everything', tool: 'echo', outcome: 'completed' },
      { source: 'mcp', server: 'Everything', tool: 'get-sum', outcome: 'completed' },
    ]));
    expect(audit.every((row) => row.target_type === 'mcp_server' && row.target_id === created.id)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('private words');
    expect((await deleteServer(created.id as string)).statusCode).toBe(204);
  });

  it('gives an MCP tool error back as a clear failure and keeps the server connected', async () => {
    const detail = await createConnected({ name: 'Errors', ...everythingStdio });
    const sum = await mcpToolOf(app, admin.user.id, 'errors__get-sum');
    await expect(callTool(sum!, admin.user.id, { a: 'two' })).rejects.toThrow(/Errors\/get-sum reported an error: .*/);
    expect((await readServer(app, admin.accessToken, detail.server.id)).server.status).toBe('connected');
    const rows = await app.database.db.selectFrom('audit_log').select('details').where('action', '=', 'mcp.tool-called').where('target_id', '=', detail.server.id).execute();
    expect(rows.map((row) => JSON.parse(row.details ?? '{}') as unknown)).toEqual([{ source: 'mcp', server: 'Errors', tool: 'get-sum', outcome: 'failed', reason: 'tool-error' }]);
    await deleteServer(detail.server.id);
  });

  it('stops the child process when the server is deleted, and its tools leave the registry', async () => {
    const detail = await createConnected({ name: 'Doomed', ...everythingStdio });
    const pid = detail.server.processId!;
    expect(isProcessAlive(pid)).toBe(true);
    expect((await deleteServer(detail.server.id)).statusCode).toBe(204);
    expect(isProcessAlive(pid)).toBe(false);
    expect(await mcpToolOf(app, admin.user.id, 'doomed__echo')).toBeUndefined();
    expect((await app.http.inject({ method: 'GET', url: `/api/admin/mcp-servers/${detail.server.id}`, headers: bearer(admin.accessToken) })).statusCode).toBe(404);
    expect(await app.database.db.selectFrom('mcp_server_tools').select('name').where('server_id', '=', detail.server.id).execute()).toEqual([]);
  });

  it('stops the child when disabled and starts a new one when enabled again', async () => {
    const detail = await createConnected({ name: 'Toggle', ...everythingStdio });
    const pid = detail.server.processId!;
    const disabled = await app.http.inject({ method: 'PATCH', url: `/api/admin/mcp-servers/${detail.server.id}`, headers: bearer(admin.accessToken), payload: { enabled: false } });
    expect(disabled.json()).toMatchObject({ server: { status: 'disabled', enabled: false, processId: null } });
    expect(isProcessAlive(pid)).toBe(false);
    expect(await mcpToolOf(app, admin.user.id, 'toggle__echo')).toBeUndefined();
    await app.http.inject({ method: 'PATCH', url: `/api/admin/mcp-servers/${detail.server.id}`, headers: bearer(admin.accessToken), payload: { enabled: true } });
    const again = await waitForServer(app, admin.accessToken, detail.server.id, (value) => value.server.status === 'connected');
    expect(again.server.processId).not.toBe(pid);
    expect(await mcpToolOf(app, admin.user.id, 'toggle__echo')).toBeDefined();
    await deleteServer(detail.server.id);
  });

  it('fails a call cleanly when the child dies mid-call, marks the error, and reconnects with a new process', async () => {
    const detail = await createConnected({ name: 'Crashy', ...everythingStdio });
    const pid = detail.server.processId!;
    const longRunning = await mcpToolOf(app, admin.user.id, 'crashy__trigger-long-running-operation');
    const call = callTool(longRunning!, admin.user.id, { duration: 30, steps: 3 });
    // The server answers in order: once echo has answered, the long call is running in the child.
    await callTool((await mcpToolOf(app, admin.user.id, 'crashy__echo'))!, admin.user.id, { message: 'still there' });
    process.kill(pid, 'SIGKILL');
    await expect(call).rejects.toThrow(/The MCP server "Crashy" stopped during the call to trigger-long-running-operation/);
    const afterCrash = await readServer(app, admin.accessToken, detail.server.id);
    expect(afterCrash.server.recentErrors[0]?.message).toMatch(/The server process exited/);
    const reconnected = await waitForServer(app, admin.accessToken, detail.server.id, (value) => value.server.status === 'connected' && value.server.processId !== pid);
    expect(reconnected.server.lastError).toBeUndefined();
    expect(await callTool((await mcpToolOf(app, admin.user.id, 'crashy__echo'))!, admin.user.id, { message: 'back' })).toEqual({ result: 'Echo: back' });
    const failed = await app.database.db.selectFrom('audit_log').select('details').where('action', '=', 'mcp.tool-called').where('target_id', '=', detail.server.id).execute();
    expect(failed.map((row) => JSON.parse(row.details ?? '{}') as unknown)).toContainEqual({ source: 'mcp', server: 'Crashy', tool: 'trigger-long-running-operation', outcome: 'failed', reason: 'disconnected' });
    await deleteServer(detail.server.id);
  });

  it('reports a command that does not exist as an error, without crashing', async () => {
    const response = await createServer({ name: 'Missing', transport: 'stdio', command: '/nonexistent/claraverse-mcp-server' });
    const { server } = response.json<{ server: { id: string } }>();
    const detail = await waitForServer(app, admin.accessToken, server.id, (value) => value.server.status === 'error');
    expect(detail.server.lastError).toBe('Could not start "/nonexistent/claraverse-mcp-server": the program was not found');
    await deleteServer(server.id);
  });
});

describe('admin MCP servers: filesystem, HTTP, roles', () => {
  it('reads a file through server-filesystem limited to a temp folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'claraverse-mcp-fs-'));
    writeFileSync(join(folder, 'note.txt'), 'hello from disk');
    try {
      const detail = await createConnected({ name: 'Files', transport: 'stdio', command: process.execPath, args: [filesystemServerPath, folder] });
      expect(detail.tools.map((tool) => tool.registryName)).toContain('files__read_text_file');
      const read = await mcpToolOf(app, admin.user.id, 'files__read_text_file');
      expect(await callTool(read!, admin.user.id, { path: join(folder, 'note.txt') })).toEqual({ result: 'hello from disk' });
      await expect(callTool(read!, admin.user.id, { path: '/etc/hostname' })).rejects.toThrow(/reported an error: .*(denied|outside)/i);
      await deleteServer(detail.server.id);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('connects to server-everything over Streamable HTTP on loopback (allow-listed) with secret headers', async () => {
    const remote = await startEverythingHttp();
    try {
      const detail = await createConnected({ name: 'Remote', transport: 'http', url: remote.url, headers: { Authorization: 'Bearer remote-secret' } });
      expect(detail.server).toMatchObject({ processId: null });
      const response = await app.http.inject({ method: 'GET', url: '/api/admin/mcp-servers', headers: bearer(admin.accessToken) });
      expect(response.json()).toMatchObject({ servers: expect.arrayContaining([expect.objectContaining({ name: 'Remote', headers: { Authorization: '********' } })]) });
      expect(response.body).not.toContain('remote-secret');
      const echo = await mcpToolOf(app, admin.user.id, 'remote__echo');
      expect(echo?.source).toBe('mcp:Remote');
      expect(await callTool(echo!, admin.user.id, { message: 'over http' })).toEqual({ result: 'Echo: over http' });
      await deleteServer(detail.server.id);
    } finally {
      await remote.stop();
    }
  });

  it('notices an HTTP server that went away by its health check, and reconnects once it is back', async () => {
    const remote = await startEverythingHttp();
    const detail = await createConnected({ name: 'Flaky', transport: 'http', url: remote.url });
    await remote.stop();
    const down = await waitForServer(app, admin.accessToken, detail.server.id, (value) => value.server.status === 'error');
    // Whichever notices first: the health check, the transport closing, or a reconnect attempt.
    expect(down.server.lastError).toMatch(/health check|Could not reach|connection to the server closed|closed the connection/);
    expect(await mcpToolOf(app, admin.user.id, 'flaky__echo')).toBeUndefined();
    const back = await startEverythingHttp(remote.port);
    try {
      await waitForServer(app, admin.accessToken, detail.server.id, (value) => value.server.status === 'connected');
      expect(await callTool((await mcpToolOf(app, admin.user.id, 'flaky__echo'))!, admin.user.id, { message: 'again' })).toEqual({ result: 'Echo: again' });
      await deleteServer(detail.server.id);
    } finally {
      await back.stop();
    }
  });

  it('refuses URLs the outbound rules do not allow, before any connection', async () => {
    for (const url of ['http://169.254.169.254/mcp', 'http://10.0.0.8/mcp', 'http://[::1]:3999/mcp', 'http://192.168.1.5:1/mcp', 'http://[fd00::1]/mcp']) {
      const response = await createServer({ name: `Blocked ${url.length}`, transport: 'http', url });
      expect(response.statusCode, url).toBe(422);
      expect(response.json()).toMatchObject({ error: { code: 'outbound_blocked', message: expect.stringContaining('OUTBOUND_ALLOWLIST') } });
    }
    const credentials = await createServer({ name: 'Creds', transport: 'http', url: 'https://user:pass@mcp.example.test/mcp' });
    expect(credentials.statusCode).toBe(400);
    expect((await createServer({ name: 'Ftp', transport: 'http', url: 'ftp://mcp.example.test/' })).statusCode).toBe(400);
    expect((await app.database.db.selectFrom('mcp_servers').select('name').where('transport', '=', 'http').execute()).length).toBe(0);
  });

  it('offers tools limited to admins only to admins', async () => {
    const detail = await createConnected({ name: 'Admins Only', ...everythingStdio, allowedRoles: ['admin'] });
    expect(await mcpToolOf(app, admin.user.id, 'admins-only__echo')).toBeDefined();
    expect(await mcpToolOf(app, member.user.id, 'admins-only__echo')).toBeUndefined();
    await app.http.inject({ method: 'PATCH', url: `/api/admin/mcp-servers/${detail.server.id}`, headers: bearer(admin.accessToken), payload: { allowedRoles: null } });
    await waitForServer(app, admin.accessToken, detail.server.id, (value) => value.server.status === 'connected');
    expect(await mcpToolOf(app, member.user.id, 'admins-only__echo')).toBeDefined();
    await deleteServer(detail.server.id);
  });
});

describe('admin MCP servers: bad input', () => {
  it('refuses transports with the wrong fields, duplicate names, masks of unknown values, non-admins and unknown ids', async () => {
    const noCommand = await createServer({ name: 'No command', transport: 'stdio' });
    expect(noCommand.statusCode).toBe(400);
    expect(noCommand.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'command', message: 'A stdio server needs the command that starts it' }] } });
    expect((await createServer({ name: 'Both', transport: 'http', url: 'https://mcp.example.test/mcp', command: 'node' })).statusCode).toBe(400);
    expect((await createServer({ name: 'Bad env', ...everythingStdio, env: { 'NOT-A-NAME': 'x' } })).statusCode).toBe(400);

    const first = await createServer({ name: 'Twin', ...everythingStdio, enabled: false, env: { TOKEN: 'kept-value' } });
    expect(first.json()).toMatchObject({ server: { status: 'disabled' } });
    const { id } = first.json<{ server: { id: string } }>().server;
    expect((await createServer({ name: 'twin', ...everythingStdio })).statusCode).toBe(409);
    expect((await createServer({ name: 'Twin!', ...everythingStdio })).json()).toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('tool prefix "twin"') } });

    const patch = (payload: Record<string, unknown>) => app.http.inject({ method: 'PATCH', url: `/api/admin/mcp-servers/${id}`, headers: bearer(admin.accessToken), payload });
    expect((await patch({ env: { OTHER: '********' } })).statusCode).toBe(400);
    expect((await patch({ env: { TOKEN: '********', EXTRA: 'new' } })).json()).toMatchObject({ server: { env: { TOKEN: '********', EXTRA: '********' } } });
    expect((await patch({ transport: 'http' })).statusCode).toBe(400);
    expect((await patch({})).statusCode).toBe(400);

    const asMember = await app.http.inject({ method: 'GET', url: '/api/admin/mcp-servers', headers: bearer(member.accessToken) });
    expect(asMember.statusCode).toBe(403);
    expect((await app.http.inject({ method: 'GET', url: '/api/admin/mcp-servers/nope', headers: bearer(admin.accessToken) })).statusCode).toBe(404);
    expect((await deleteServer('nope')).statusCode).toBe(404);

    const audit = await app.database.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', id).execute();
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['admin.mcp-server-created', 'admin.mcp-server-updated']));
    expect(JSON.stringify(audit)).not.toContain('kept-value');
    await deleteServer(id);
  });
});

describe('shutdown', () => {
  it('stops every stdio child when the app closes', async () => {
    const own = await createTestApp();
    const ownAdmin = await registerAdmin(own);
    const response = await own.http.inject({ method: 'POST', url: '/api/admin/mcp-servers', headers: bearer(ownAdmin.accessToken), payload: { name: 'Short lived', ...everythingStdio } });
    const { id } = response.json<{ server: { id: string } }>().server;
    const detail = await waitForServer(own, ownAdmin.accessToken, id, (value) => value.server.status === 'connected');
    await own.close();
    await waitForExit(detail.server.processId!);
    expect(isProcessAlive(detail.server.processId!)).toBe(false);
  });
});
