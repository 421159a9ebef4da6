// bench/chat-relay: the same local OpenAI double streams 500 tokens; time to first token and total time are
// measured talking to it directly and through ClaraVerse (WS /ws/chat and /v1/chat/completions) at several
// concurrency levels, with the server's peak RSS. Client, double and server are separate processes on this
// machine; only loopback is used. Usage: npm run bench -- chat-relay [--quick]
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type WebSocket from 'ws';
import { openChatSocket, streamOpenAi, streamOverSocket, type StreamTiming } from './clients.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const isQuick = process.argv.includes('--quick');
// BENCH_LEVELS=1,200 picks other concurrency levels; BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
// passes flags to the server's node (profiling).
const levels = process.env.BENCH_LEVELS ? process.env.BENCH_LEVELS.split(',').map(Number) : isQuick ? [1, 20] : [1, 100, 200, 500];
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const singleStreamRepeats = isQuick ? 5 : 30;
// Two turns, so the server does not spend a second request on a title (that is measured separately, not here).
const messages = [{ role: 'user', content: 'Hello' }, { role: 'assistant', content: 'Hi!' }, { role: 'user', content: 'Write 500 words.' }];

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`process exited with ${code} before ${pattern}:\n${output}`)));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** User + system CPU time the process has used, in milliseconds (clock ticks are 10 ms on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
};

async function json<T>(response: Promise<Response>): Promise<T> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

async function setUp(serverUrl: string, doubleUrl: string) {
  const post = (path: string, body: object, token?: string) =>
    fetch(`${serverUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const admin = await json<{ accessToken: string; refreshToken: string }>(post('/api/auth/register', { email: 'bench@example.test', password: 'benchmark passphrase 1' }));
  const { provider } = await json<{ provider: { id: string } }>(post('/api/admin/providers', { name: 'Double', kind: 'openai-compatible', baseUrl: doubleUrl, apiKey: 'bench-key' }, admin.accessToken));
  const { models } = await json<{ models: Array<{ id: string }> }>(post(`/api/admin/providers/${provider.id}/fetch-models`, {}, admin.accessToken));
  const { apiKey } = await json<{ apiKey: string }>(post('/api/keys', { name: 'bench', scopes: ['chat'], rateLimitPerMinute: 10_000 }, admin.accessToken));
  return { accessToken: admin.accessToken, modelId: models[0]?.id ?? '', apiKey };
}

interface Row { mode: string; streams: number; ttftP50: number; ttftP99: number; totalP50: number; totalP99: number; failed: number; peakRssMb: number; serverCpuMsPerStream: number }

async function measure(mode: string, streams: number, serverPid: number, run: () => Promise<StreamTiming>): Promise<Row> {
  let peak = rssMb(serverPid);
  const cpuBefore = cpuMs(serverPid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(serverPid))), 50);
  const timings: StreamTiming[] = [];
  if (streams === 1) for (let index = 0; index < singleStreamRepeats; index += 1) timings.push(await run());
  else timings.push(...(await Promise.all(Array.from({ length: streams }, run))));
  clearInterval(sampler);
  const serverCpuMsPerStream = Math.round((cpuMs(serverPid) - cpuBefore) / timings.length);
  const ok = timings.filter((timing) => timing.ok);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    mode, streams, failed: timings.length - ok.length, peakRssMb: Math.round(peak), serverCpuMsPerStream,
    ttftP50: round(percentile(ok.map((timing) => timing.ttftMs), 0.5)), ttftP99: round(percentile(ok.map((timing) => timing.ttftMs), 0.99)),
    totalP50: round(percentile(ok.map((timing) => timing.totalMs), 0.5)), totalP99: round(percentile(ok.map((timing) => timing.totalMs), 0.99)),
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'claraverse-bench-'));
  const double = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/chat-relay/double-process.ts'), '500', '2'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const doubleUrl = (await waitForLine(double, /READY (\S+)/))[1] ?? '';
  const server = spawn(process.execPath, [...serverNodeArgs, join(root, 'apps/server/dist/main.js')], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info',
      JWT_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_MASTER_KEY: randomBytes(32).toString('hex'), RATE_LIMIT_ENABLED: 'false', CHAT_MAX_CONCURRENT_REPLIES: '1000',
    },
  });
  try {
    const port = (await waitForLine(server, /127\.0\.0\.1:(\d+)/))[1];
    const serverUrl = `http://127.0.0.1:${port}`;
    const setup = await setUp(serverUrl, doubleUrl);
    const rows: Row[] = [];
    for (const streams of levels) {
      rows.push(await measure('direct', streams, server.pid ?? 0, () => streamOpenAi(doubleUrl, 'bench-key', 'bench-model', messages)));
      rows.push(await measure('/v1/chat/completions', streams, server.pid ?? 0, () => streamOpenAi(`${serverUrl}/v1`, setup.apiKey, 'bench-model', messages)));
      const sockets: WebSocket[] = await Promise.all(Array.from({ length: streams }, () => openChatSocket(`ws://127.0.0.1:${port}/ws/chat`, setup.accessToken)));
      let next = 0;
      rows.push(await measure('WS /ws/chat', streams, server.pid ?? 0, () => streamOverSocket(sockets[next++ % sockets.length] as WebSocket, setup.modelId, messages)));
      for (const socket of sockets) socket.close();
      process.stdout.write(`${streams} stream(s) done\n`);
    }
    const table = [
      '| streams | path | TTFT p50 (ms) | TTFT p99 (ms) | total p50 (ms) | total p99 (ms) | failed | server peak RSS (MB) | server CPU per stream (ms) |',
      '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map((row) => `| ${row.streams} | ${row.mode} | ${row.ttftP50} | ${row.ttftP99} | ${row.totalP50} | ${row.totalP99} | ${row.failed} | ${row.mode === 'direct' ? '—' : row.peakRssMb} | ${row.mode === 'direct' ? '—' : row.serverCpuMsPerStream} |`),
    ].join('\n');
    process.stdout.write(`\n${table}\n`);
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, `bench/results/chat-relay${isQuick ? '-quick' : ''}.json`), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
  } finally {
    server.kill('SIGTERM');
    double.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
