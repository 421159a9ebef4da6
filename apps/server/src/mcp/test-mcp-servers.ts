import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import type { ClaraVerseApp } from '../app.js';
import type { DynamicTool } from '../tools/define-tool.js';
import { createTestToolContext } from '../tools/test-support.js';
import { bearer } from '../test/factories.js';

const require = createRequire(import.meta.url);

/** The real MCP test servers installed from npm (started with `node <path> …`). */
export const everythingServerPath = join(dirname(require.resolve('@modelcontextprotocol/server-everything/package.json')), 'dist', 'index.js');
export const filesystemServerPath = join(dirname(require.resolve('@modelcontextprotocol/server-filesystem/package.json')), 'dist', 'index.js');

/** The stdio body of server-everything (as an admin would enter it). */
export const everythingStdio = { transport: 'stdio' as const, command: process.execPath, args: [everythingServerPath, 'stdio'] };

/** True while a process with this id exists (signal 0 only checks). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** server-everything in Streamable HTTP mode on a loopback port; `stop()` kills it. */
export async function startEverythingHttp(fixedPort?: number): Promise<{ url: string; port: number; child: ChildProcess; stop(): Promise<void> }> {
  const port = fixedPort ?? (await freeLoopbackPort());
  // eslint-disable-next-line no-restricted-properties -- a test helper: the child needs PATH, nothing else.
  const env = { PATH: process.env.PATH ?? '', PORT: String(port) };
  const child = spawn(process.execPath, [everythingServerPath, 'streamableHttp'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.resume();
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`listening on port ${port}`)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server-everything (http) exited with ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

interface ServerDetail {
  server: { id: string; status: string; lastError?: string; processId: number | null; recentErrors: Array<{ message: string }>; toolCount: number };
  tools: Array<{ name: string; registryName: string; description: string }>;
}

/** GET /api/admin/mcp-servers/:id as the admin. */
export async function readServer(app: ClaraVerseApp, adminToken: string, id: string): Promise<ServerDetail> {
  const response = await app.http.inject({ method: 'GET', url: `/api/admin/mcp-servers/${id}`, headers: bearer(adminToken) });
  if (response.statusCode !== 200) throw new Error(`GET server: ${response.statusCode} ${response.body}`);
  return response.json<ServerDetail>();
}

/** Polls the server until `predicate` holds (vitest's test timeout bounds the wait). */
export async function waitForServer(app: ClaraVerseApp, adminToken: string, id: string, predicate: (detail: ServerDetail) => boolean): Promise<ServerDetail> {
  for (;;) {
    const detail = await readServer(app, adminToken, id);
    if (predicate(detail)) return detail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls until the process is gone. */
export async function waitForExit(pid: number): Promise<void> {
  while (isProcessAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** The user's dynamic tool of this registry name, from the app's MCP tool source. */
export async function mcpToolOf(app: ClaraVerseApp, userId: string, name: string): Promise<DynamicTool | undefined> {
  return (await app.mcpToolSource.listTools(userId)).find((tool) => tool.name === name);
}

/** Calls a dynamic tool as `userId` with a test context. */
export function callTool(tool: DynamicTool, userId: string, args: Record<string, unknown>, signal?: AbortSignal) {
  return tool.execute(args, createTestToolContext({ userId, ...(signal ? { signal } : {}) }));
}
