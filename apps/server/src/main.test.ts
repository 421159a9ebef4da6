import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url));
const mainSource = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Starts the real server entry point in a child process and resolves with its port once it logs "ready". */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, ['--conditions=claraverse-source', '--import', 'tsx', mainSource], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"http:\/\/127\.0\.0\.1:(\d+)".*ClaraVerse is ready/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

let running: ChildProcess | null = null;
afterEach(() => {
  running?.kill('SIGKILL');
  running = null;
});

// Each test starts the entry point in a child process (tsx compiles it first): slow on a loaded machine.
describe('main (the server process)', { timeout: 60_000 }, () => {
  it('finishes an in-flight request on SIGTERM, refuses new ones, and exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'claraverse-main-'));
    const server = await startServer({ DATA_DIR: dataDir });
    running = server.child;
    const exited = exitOf(server.child);

    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ email: 'someone@example.test', password: 'a long enough password' });
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const pending = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      pending.on('error', reject);
      pending.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => pending.end(body.slice(10)), 300);
      }, 200);
    });

    const answer = await inFlight;
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'invalid_credentials' } });
    expect(await exited).toBe(0);
    expect(server.output()).toContain('shutting down');
    expect(server.output()).toContain('"msg":"stopped"');
    await expect(fetch(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow();
  });

  it('refuses to start in production without secrets and says which are missing', async () => {
    const child = spawn(process.execPath, ['--conditions=claraverse-source', '--import', 'tsx', mainSource], {
      cwd: repositoryRoot,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(child)).toBe(78);
    expect(stderr).toContain('JWT_SECRET');
    expect(stderr).toContain('ENCRYPTION_MASTER_KEY');
  });
});
