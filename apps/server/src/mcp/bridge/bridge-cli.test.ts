import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { SessionResponse, UserBridge } from '@claraverse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { bearer, registerAdmin } from '../../test/factories.js';
import { callTool, everythingServerPath, isProcessAlive, mcpToolOf, waitForExit } from '../test-mcp-servers.js';

// The real CLI (apps/bridge) run from source in its own process, against this app listening on loopback.
// Each CLI run starts a Node process with tsx, so the cases the CLI's own tests cover are not repeated here.
const cliPath = fileURLToPath(new URL('../../../../bridge/src/cli.ts', import.meta.url));
const nodeArguments = ['--conditions=claraverse-source', '--import', 'tsx', cliPath];
const execFileAsync = promisify(execFile);

let app: TestApp;
let baseUrl: string;
let user: SessionResponse;
let home: string;
const started: ChildProcess[] = [];

/** The CLI's environment: HOME is a temp folder, so the config lands in <temp>/.claraverse-bridge. */
const cliEnv = () => ({ PATH: process.env.PATH ?? '', HOME: home });

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [...nodeArguments, ...args], { env: cliEnv() });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

function startBridge(): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...nodeArguments, 'start', '--verbose'], { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The ids of a process's direct children (Linux /proc). */
function childPidsOf(pid: number): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).filter((name) => {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
    } catch {
      return false;
    }
  }).map(Number);
}

const bridgeState = async () => (await app.http.inject({ method: 'GET', url: '/api/user/bridge', headers: bearer(user.accessToken) })).json<UserBridge>();

async function waitForBridge(predicate: (state: UserBridge) => boolean): Promise<UserBridge> {
  for (;;) {
    const state = await bridgeState();
    if (predicate(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  app = await createTestApp();
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const address = app.http.server.address();
  baseUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  user = await registerAdmin(app);
  home = mkdtempSync(join(tmpdir(), 'claraverse-bridge-home-'));
});

afterAll(async () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  await app.close();
  rmSync(home, { recursive: true, force: true });
});

describe('claraverse-bridge CLI end to end', () => {
  it('logs in with an mcp-bridge key, runs server-everything, and the server calls its tools through the bridge', async () => {
    const keyResponse = await app.http.inject({ method: 'POST', url: '/api/keys', headers: bearer(user.accessToken), payload: { name: 'my laptop', scopes: ['mcp-bridge'] } });
    const { apiKey } = keyResponse.json<{ apiKey: string }>();
    const chatKey = (await app.http.inject({ method: 'POST', url: '/api/keys', headers: bearer(user.accessToken), payload: { name: 'chat', scopes: ['chat'] } })).json<{ apiKey: string }>().apiKey;

    const refused = await cli('login', '--url', baseUrl, '--key', chatKey);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('mcp-bridge scope') });
    const login = await cli('login', '--url', baseUrl, '--key', apiKey);
    expect(login.stdout).toContain(`Signed in to ${baseUrl}`);
    const configFile = join(home, '.claraverse-bridge', 'config.json');
    expect(statSync(configFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.claraverse-bridge')).mode & 0o777).toBe(0o700);

    expect((await cli('add', 'Everything', '--env', 'BRIDGE_SECRET=hush', '--', process.execPath, everythingServerPath, 'stdio')).code).toBe(0);
    const list = await cli('list');
    expect(list.stdout).toContain(`Everything  stdio  ${process.execPath} ${everythingServerPath} stdio  [env BRIDGE_SECRET]`);
    expect(list.stdout).not.toContain('hush');

    const bridge = startBridge();
    const state = await waitForBridge((value) => value.connected && value.lastHeartbeatAt !== null);
    expect(state.tools.map((tool) => tool.registryName)).toEqual(expect.arrayContaining(['everything__echo', 'everything__get-sum', 'everything__get-tiny-image']));
    expect(state).toMatchObject({ clientVersion: '0.1.0', platform: process.platform });

    const echo = await mcpToolOf(app, user.user.id, 'everything__echo');
    expect(echo?.source).toBe('bridge:Everything');
    expect(await callTool(echo!, user.user.id, { message: 'from the chat' })).toEqual({ result: 'Echo: from the chat' });
    const sum = await mcpToolOf(app, user.user.id, 'everything__get-sum');
    expect(await callTool(sum!, user.user.id, { a: 40, b: 2 })).toEqual({ result: 'The sum of 40 and 2 is 42.' });
    const image = await callTool((await mcpToolOf(app, user.user.id, 'everything__get-tiny-image'))!, user.user.id, {});
    expect(image.plots?.[0]?.format).toBe('png');
    const env = await callTool((await mcpToolOf(app, user.user.id, 'everything__get-env'))!, user.user.id, {});
    expect(String(env.result)).toContain('hush');

    const audit = await app.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'mcp.tool-called').where('actor_user_id', '=', user.user.id).execute();
    expect(audit.map((row) => JSON.parse(row.details ?? '{}') as unknown)).toEqual(expect.arrayContaining([
      { source: 'bridge', server: 'Everything', tool: 'echo', outcome: 'completed' },
      { source: 'bridge', server: 'Everything', tool: 'get-sum', outcome: 'completed' },
    ]));
    expect(JSON.stringify(audit)).not.toContain('from the chat');
    expect(bridge.output()).toContain('call Everything/echo');
    expect(bridge.output()).not.toContain('from the chat');

    const status = await cli('status');
    expect(status.stdout).toMatch(new RegExp(`Bridge: running \\(pid ${bridge.child.pid}\\), connected since .*, ${state.tools.length} tools registered`));
    expect(status.stdout).toContain('Everything: running');

    // Ctrl+C: the bridge says goodbye, its MCP server child goes, the server forgets the tools.
    const children = childPidsOf(bridge.child.pid!);
    expect(children.length).toBeGreaterThan(0);
    bridge.child.kill('SIGTERM');
    expect(await bridge.exited).toBe(0);
    for (const pid of children) {
      await waitForExit(pid);
      expect(isProcessAlive(pid)).toBe(false);
    }
    await waitForBridge((value) => !value.connected);
    expect(await mcpToolOf(app, user.user.id, 'everything__echo')).toBeUndefined();
    expect(existsSync(join(home, '.claraverse-bridge', 'state.json'))).toBe(false);
  }, 180_000);

  it('a second bridge of the same account replaces the first, which stops instead of reconnecting', async () => {
    const first = startBridge();
    await waitForBridge((value) => value.connected && value.tools.length > 0);
    const firstClient = (await bridgeState()).connectedAt;
    const second = startBridge();
    expect(await first.exited).toBe(1);
    expect(first.output()).toContain('another claraverse-bridge of your account connected');
    await waitForBridge((value) => value.connected && value.connectedAt !== firstClient && value.tools.length > 0);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    expect((await cli('remove', 'everything')).stdout).toContain('Removed everything');
    expect((await cli('list')).stdout).toContain('No servers yet');
  }, 180_000);
});
