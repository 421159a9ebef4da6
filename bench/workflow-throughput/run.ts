// bench/workflow-throughput: an agent `variable(start) → transform(input.n + 1) → output` is triggered with
// `POST /api/trigger/:agentId?wait=true` (personal API key) by a closed-loop client at several concurrency levels
// against the real server on SQLite (NODE_ENV=production, LIMITS_ENABLED=false, RATE_LIMIT_ENABLED=false).
// Every execution is persisted as normal; the bench checks each answer and the stored count. Reports
// executions/s, p50/p99 latency and server CPU ms per execution, and writes the table into docs/benchmarks.md.
// Usage: npm run bench -- workflow-throughput [--quick]
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const isQuick = process.argv.includes('--quick');
const levels = process.env.BENCH_LEVELS ? process.env.BENCH_LEVELS.split(',').map(Number) : [1, 10, 50];
const secondsPerLevel = Number(process.env.BENCH_SECONDS ?? (isQuick ? 3 : 10));
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
// Request logging (one line per request at `info`) is a large share of the cost, so both are measured.
const logLevels = (process.env.BENCH_LOG_LEVELS ?? 'info,warn').split(',');

const workflow = {
  blocks: [
    { id: 'b1', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'json' }, position: { x: 250, y: 50 } },
    { id: 'b2', normalizedId: 'add-one', type: 'transform', name: 'Add one', config: { expression: 'input.n + 1' }, position: { x: 250, y: 200 } },
    { id: 'b3', normalizedId: 'result', type: 'output', name: 'Result', config: { value: '{{add-one}}' }, position: { x: 250, y: 350 } },
  ],
  connections: [{ id: 'c1', sourceBlockId: 'b1', targetBlockId: 'b2' }, { id: 'c2', sourceBlockId: 'b2', targetBlockId: 'b3' }],
  variables: [],
};

/** A port nothing listens on now (the server is told to use it, so any LOG_LEVEL works). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls `/health` until the server answers; fails if it exits first or takes over 60 s. */
async function waitForServer(child: ChildProcess, url: string): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !exited) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(exited ? 'the server exited during start' : 'the server did not start within 60 s');
}

/** User + system CPU time the process has used, in milliseconds (clock ticks are 10 ms on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;

async function json<T>(response: Promise<Response>): Promise<T> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

async function setUp(serverUrl: string) {
  const send = (method: string, path: string, body: object, token?: string) =>
    fetch(`${serverUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const admin = await json<{ accessToken: string }>(send('POST', '/api/auth/register', { email: 'bench@example.test', password: 'benchmark passphrase 1' }));
  const { agent } = await json<{ agent: { id: string } }>(send('POST', '/api/agents', { name: 'Adder' }, admin.accessToken));
  await json(send('PUT', `/api/agents/${agent.id}/workflow`, workflow, admin.accessToken));
  const { apiKey } = await json<{ apiKey: string }>(send('POST', '/api/keys', { name: 'bench', scopes: ['execute:*'] }, admin.accessToken));
  return { accessToken: admin.accessToken, agentId: agent.id, apiKey };
}

/** One `?wait=true` trigger over a keep-alive connection; resolves with the latency, or rejects on a wrong answer. */
function triggerOnce(agent: Agent, port: number, path: string, apiKey: string, n: number): Promise<number> {
  const body = JSON.stringify({ input: { n } });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const call = request({ agent, host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-api-key': apiKey } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const answer = JSON.parse(text) as { status?: string; output?: { Result?: number } };
        if (response.statusCode !== 200 || answer.status !== 'completed' || answer.output?.Result !== n + 1) reject(new Error(`unexpected answer ${response.statusCode}: ${text.slice(0, 300)}`));
        else resolve(performance.now() - started);
      });
    });
    call.on('error', reject);
    call.end(body);
  });
}

interface Row { logLevel: string; concurrency: number; executions: number; perSecond: number; p50Ms: number; p99Ms: number; cpuMsPerExecution: number; failed: number }

async function measure(logLevel: string, concurrency: number, port: number, serverPid: number, path: string, apiKey: string): Promise<Row> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let failed = 0;
  let counter = 0;
  const loop = async (until: number, record: boolean) => {
    while (performance.now() < until) {
      try {
        const latency = await triggerOnce(agent, port, path, apiKey, (counter += 1));
        if (record) latencies.push(latency);
      } catch (error) {
        failed += 1;
        if (failed < 3) process.stderr.write(`${(error as Error).message}\n`);
      }
    }
  };
  // Warm-up (JIT, connections), then the measured window.
  const warmUntil = performance.now() + 1_000;
  await Promise.all(Array.from({ length: concurrency }, () => loop(warmUntil, false)));
  const cpuBefore = cpuMs(serverPid);
  const started = performance.now();
  const until = started + secondsPerLevel * 1_000;
  await Promise.all(Array.from({ length: concurrency }, () => loop(until, true)));
  const elapsed = (performance.now() - started) / 1_000;
  const cpu = cpuMs(serverPid) - cpuBefore;
  agent.destroy();
  const sorted = latencies.sort((left, right) => left - right);
  const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    logLevel, concurrency, executions: sorted.length, perSecond: Math.round(sorted.length / elapsed), p50Ms: round(percentile(sorted, 0.5), 2), p99Ms: round(percentile(sorted, 0.99), 2),
    cpuMsPerExecution: round(cpu / Math.max(1, sorted.length), 3), failed,
  };
}

/** The 1-minute load average when the bench started: other processes share the two cores. */
const loadBefore = loadavg()[0]?.toFixed(1) ?? '?';

function writeDocs(table: string): void {
  const path = join(root, 'docs/benchmarks.md');
  const heading = '## workflow-throughput (issue 6)';
  const section = [
    heading,
    '',
    '`bench/workflow-throughput/run.ts`: the agent `variable(start) → transform(input.n + 1) → output` is triggered with',
    '`POST /api/trigger/:agentId?wait=true` (personal API key, `X-API-Key`) by a closed-loop client (keep-alive',
    'connections, one request in flight per connection) at 1, 10 and 50 concurrent requests, after a 1 s warm-up.',
    'Every answer is checked (`200`, `completed`, `Result = n + 1`) and every execution is persisted as normal',
    '(execution row and its three block rows; the stored count is checked after the run). Records go through the',
    'group-commit writer (`apps/server/src/agents/runs/execution-writer.ts`): runs whose writes fall in the same event-loop',
    'turn share one transaction (one upsert of their executions, one multi-row insert of their blocks); with',
    '`?wait=true` a run does not wait for its `running` row, so a quick run is written once, in its final state.',
    'An async trigger (`202`) and a WebSocket run still commit the `running` row before answering. Server: `NODE_ENV=production`, SQLite (WAL), `LIMITS_ENABLED=false`, `RATE_LIMIT_ENABLED=false`;',
    'measured at `LOG_LEVEL=info` (the default: one log line per request, written to a pipe the bench drains) and `warn`.',
    'CPU is the server process\'s user + system time over the window divided by the',
    `executions (10 ms clock ticks). Window: ${secondsPerLevel} s per level. Target: ≥ 1,000 executions/s, ≤ 1 ms CPU per execution.`,
    '',
    `### Run of ${new Date().toISOString().slice(0, 10)} (load average before the run: ${loadBefore}, other work shares the 2 cores)`,
    '',
    table,
    '',
    'Reading it: at `info` each request writes a log line (pino, written asynchronously since session 4) to a pipe, a share of',
    'the CPU per execution; at `warn` what is left is mostly Fastify, API-key authentication (the key and its owner are cached since session 5, decision 0011), the agent',
    'lookup, the engine run (~20 µs) and the SQLite commit. One request in flight (1 concurrent) is bound by the round',
    'trip through client and server on a shared machine; the numbers move with other load on the two cores.',
    '',
  ].join('\n');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(heading);
  if (start === -1) {
    writeFileSync(path, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  writeFileSync(path, `${text.slice(0, start)}${section}${next === -1 ? '' : `\n${text.slice(next + 1)}`}`);
}

/** Starts a server at `logLevel`, measures every concurrency level, checks the stored count, stops it. */
async function runServer(logLevel: string): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'claraverse-bench-'));
  const port = await freePort();
  const server = spawn(process.execPath, [...serverNodeArgs, join(root, 'apps/server/dist/main.js')], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: logLevel,
      JWT_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_MASTER_KEY: randomBytes(32).toString('hex'), RATE_LIMIT_ENABLED: 'false', LIMITS_ENABLED: 'false',
    },
  });
  // Keep the pipes drained (request logs) so the server never blocks on a full pipe.
  server.stdout?.resume();
  server.stderr?.resume();
  try {
    const serverUrl = `http://127.0.0.1:${port}`;
    await waitForServer(server, serverUrl);
    const setup = await setUp(serverUrl);
    const path = `/api/trigger/${setup.agentId}?wait=true`;
    const rows: Row[] = [];
    for (const concurrency of levels) {
      rows.push(await measure(logLevel, concurrency, port, server.pid ?? 0, path, setup.apiKey));
      process.stdout.write(`${JSON.stringify(rows.at(-1))}\n`);
    }
    // Warm-up runs are stored too, so the count is at least the measured executions.
    const { total } = await json<{ total: number }>(fetch(`${serverUrl}/api/executions?limit=1`, { headers: { authorization: `Bearer ${setup.accessToken}` } }));
    const measured = rows.reduce((sum, row) => sum + row.executions, 0);
    if (total < measured) throw new Error(`only ${total} executions stored for ${measured} answered`);
    return rows;
  } finally {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const rows: Row[] = [];
  for (const logLevel of logLevels) rows.push(...(await runServer(logLevel)));
  const table = [
    '| LOG_LEVEL | concurrent requests | executions | executions/s | p50 (ms) | p99 (ms) | server CPU per execution (ms) | failed |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.logLevel} | ${row.concurrency} | ${row.executions} | ${row.perSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.cpuMsPerExecution} | ${row.failed} |`),
  ].join('\n');
  process.stdout.write(`\n${table}\n`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, `bench/results/workflow-throughput${isQuick ? '-quick' : ''}.json`), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, secondsPerLevel, rows }, null, 2)}\n`);
  if (!isQuick) writeDocs(table);
}

await main();
