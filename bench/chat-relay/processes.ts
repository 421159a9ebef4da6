// The processes a chat benchmark talks to: the OpenAI double and the built server, each its own process on this
// machine (loopback only), and how to read a process's memory and CPU time from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Resolves with the first match of `pattern` in the child's output, then stops reading it (the server logs a line
 * per request; holding and searching all of it would cost the measuring process more CPU with every request).
 */
export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const stop = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${pattern}:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        stop();
        resolve(match);
      }
    };
    const onExit = (code: number | null) => {
      stop();
      reject(new Error(`process exited with ${code} before ${pattern}:\n${output}`));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Keeps reading a child's output (so a full pipe never blocks it) without holding on to it. */
export function drain(child: ChildProcess): void {
  child.stdout?.resume();
  child.stderr?.resume();
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** User + system CPU time the process has used, in milliseconds (clock ticks are 10 ms on Linux). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Time on CPU in nanoseconds (`/proc/<pid>/task/<tid>/schedstat`, scheduler accounting, not clock ticks):
 * `main` of the JavaScript thread (the request path runs there), `all` of every thread (GC, libuv pool, …).
 */
export function cpuNs(pid: number): { main: number; all: number } {
  const read = (tid: string) => {
    try {
      return Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      return 0; // the thread ended between the listing and the read
    }
  };
  let all = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) all += read(tid);
  return { main: read(String(pid)), all };
}

export const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
};

/** The OpenAI double in its own process, streaming `tokens` words `tokenDelayMs` apart. */
export async function startDouble(tokens: number, tokenDelayMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/chat-relay/double-process.ts'), String(tokens), String(tokenDelayMs)], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = (await waitForLine(child, /READY (\S+)/))[1] ?? '';
  drain(child);
  return { url, child };
}

export interface ServerProcess {
  url: string;
  port: string;
  child: ChildProcess;
  pid: number;
  stop(): void;
}

/**
 * The built server (`entry`, default `apps/server/dist/main.js`) on a fresh SQLite data directory:
 * `NODE_ENV=production`, `LOG_LEVEL=info`, rate limits off.
 */
export async function startServer(options: { entry?: string; nodeArgs?: string[] } = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'claraverse-bench-'));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry ?? join(root, 'apps/server/dist/main.js')], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info',
      JWT_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_MASTER_KEY: randomBytes(32).toString('hex'), RATE_LIMIT_ENABLED: 'false', CHAT_MAX_CONCURRENT_REPLIES: '1000',
    },
  });
  const port = (await waitForLine(child, /127\.0\.0\.1:(\d+)/))[1] ?? '';
  drain(child);
  return {
    url: `http://127.0.0.1:${port}`, port, child, pid: child.pid ?? 0,
    stop() {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function json<T>(response: Promise<Response>): Promise<T> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

/** An admin, the double as an OpenAI-compatible provider with its models, and a personal API key (scope `chat`). */
export async function setUpServer(serverUrl: string, doubleUrl: string): Promise<{ accessToken: string; modelId: string; apiKey: string }> {
  const post = (path: string, body: object, token?: string) =>
    fetch(`${serverUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const admin = await json<{ accessToken: string; refreshToken: string }>(post('/api/auth/register', { email: 'bench@example.test', password: 'benchmark passphrase 1' }));
  const { provider } = await json<{ provider: { id: string } }>(post('/api/admin/providers', { name: 'Double', kind: 'openai-compatible', baseUrl: doubleUrl, apiKey: 'bench-key' }, admin.accessToken));
  const { models } = await json<{ models: Array<{ id: string }> }>(post(`/api/admin/providers/${provider.id}/fetch-models`, {}, admin.accessToken));
  const { apiKey } = await json<{ apiKey: string }>(post('/api/keys', { name: 'bench', scopes: ['chat'], rateLimitPerMinute: 10_000 }, admin.accessToken));
  return { accessToken: admin.accessToken, modelId: models[0]?.id ?? '', apiKey };
}
