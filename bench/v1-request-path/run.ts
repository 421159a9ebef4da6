// bench/v1-request-path: what one short streamed chat costs the server, request path first. Sequential requests
// (one in flight) with SHORT replies (BENCH_TOKENS words, default 5), so the work between a request's arrival and
// the upstream request, and between the first upstream event and the first client byte, dominates. For each
// server variant it reports the time to first token (direct to the double, through /v1/chat/completions and
// through WS /ws/chat) and the server's CPU time per request from scheduler accounting (ns, not clock ticks).
//
// Variants are compared in ONE run: BENCH_SERVERS="before=<dir>/apps/server/dist/main.js,after=apps/server/dist/main.js"
// starts one server per entry (each on its own data directory, all talking to the same double) and alternates
// between them round by round, so load from other work on the machine falls on all of them alike.
// BENCH_ROUNDS (default 10) × BENCH_REQUESTS (default 40 per path per variant per round);
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers.
// Usage: npm run bench -- v1-request-path
import { join } from 'node:path';
import type WebSocket from 'ws';
import { openChatSocket, streamOpenAi, streamOverSocket, type StreamTiming } from '../chat-relay/clients.js';
import { cpuNs, percentile, root, type ServerProcess, setUpServer, startDouble, startServer } from '../chat-relay/processes.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const requestsPerRound = Number(process.env.BENCH_REQUESTS ?? 40);
const tokens = Number(process.env.BENCH_TOKENS ?? 5);
const tokenDelayMs = Number(process.env.BENCH_TOKEN_DELAY_MS ?? 2);
// BENCH_PATHS=/v1 measures only some paths (a profile of one path), default direct,/v1,WS.
const paths = new Set((process.env.BENCH_PATHS ?? 'direct,/v1,WS').split(','));
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const variantSpecs = (process.env.BENCH_SERVERS ?? `current=${join(root, 'apps/server/dist/main.js')}`).split(',').map((spec) => {
  const [name, entry] = spec.split('=');
  if (!name || !entry) throw new Error(`BENCH_SERVERS entries are name=path/to/main.js, got "${spec}"`);
  return { name, entry };
});
const messages = [{ role: 'user', content: 'Hello' }, { role: 'assistant', content: 'Hi!' }, { role: 'user', content: 'Write a few words.' }];

type Path = 'direct' | '/v1' | 'WS';

interface Variant {
  name: string;
  server: ServerProcess;
  apiKey: string;
  modelId: string;
  socket: WebSocket;
  ttft: Record<Path, number[]>;
  /** Server CPU ns per request, one entry per round: main thread and all threads. */
  cpu: Record<'/v1' | 'WS', { main: number[]; all: number[] }>;
  failed: number;
}

async function timed(variant: Variant, path: Path, run: () => Promise<StreamTiming>): Promise<void> {
  if (!paths.has(path)) return;
  const before = cpuNs(variant.server.pid);
  for (let index = 0; index < requestsPerRound; index += 1) {
    const timing = await run();
    if (timing.ok) variant.ttft[path].push(timing.ttftMs);
    else variant.failed += 1;
  }
  if (path === 'direct') return;
  const after = cpuNs(variant.server.pid);
  variant.cpu[path].main.push((after.main - before.main) / requestsPerRound);
  variant.cpu[path].all.push((after.all - before.all) / requestsPerRound);
}

async function main() {
  const double = await startDouble(tokens, tokenDelayMs);
  const servers: ServerProcess[] = [];
  const variants: Variant[] = [];
  try {
    for (const spec of variantSpecs) {
      const server = await startServer({ entry: spec.entry, nodeArgs: serverNodeArgs });
      servers.push(server);
      const setup = await setUpServer(server.url, double.url);
      const socket = await openChatSocket(`ws://127.0.0.1:${server.port}/ws/chat`, setup.accessToken);
      variants.push({
        name: spec.name, server, apiKey: setup.apiKey, modelId: setup.modelId, socket, failed: 0,
        ttft: { direct: [], '/v1': [], WS: [] },
        cpu: { '/v1': { main: [], all: [] }, WS: { main: [], all: [] } },
      });
    }
    // Warm-up: JIT, statement caches, keep-alive connections (not counted).
    for (const variant of variants) {
      for (let index = 0; index < 20; index += 1) {
        if (paths.has('/v1')) await streamOpenAi(`${variant.server.url}/v1`, variant.apiKey, 'bench-model', messages);
        if (paths.has('WS')) await streamOverSocket(variant.socket, variant.modelId, messages);
      }
    }
    for (let round = 0; round < rounds; round += 1) {
      // Alternate the order each round, so neither variant always runs first.
      const order = round % 2 === 0 ? variants : [...variants].reverse();
      for (const variant of order) {
        await timed(variant, 'direct', () => streamOpenAi(double.url, 'bench-key', 'bench-model', messages));
        await timed(variant, '/v1', () => streamOpenAi(`${variant.server.url}/v1`, variant.apiKey, 'bench-model', messages));
        await timed(variant, 'WS', () => streamOverSocket(variant.socket, variant.modelId, messages));
      }
      process.stdout.write(`round ${round + 1}/${rounds} done\n`);
    }
    const ms = (value: number) => (Math.round(value * 100) / 100).toFixed(2);
    // The median round: a round that other work on the machine slowed down does not move it.
    const us = (perRound: number[]) => String(Math.round(percentile(perRound, 0.5) / 1000));
    process.stdout.write([
      '',
      `${rounds} rounds × ${requestsPerRound} sequential requests per path and variant, ${tokens}-word replies ${tokenDelayMs} ms apart`,
      '',
      '| variant | direct TTFT p50 (ms) | /v1 TTFT p50 (ms) | WS TTFT p50 (ms) | overhead /v1, WS (ms) | /v1 server CPU per request (µs, main / all threads, median round) | WS server CPU per request (µs, main / all) | failed |',
      '|---|---:|---:|---:|---|---:|---:|---:|',
      ...variants.map((variant) => {
        const direct = percentile(variant.ttft.direct, 0.5);
        const v1 = percentile(variant.ttft['/v1'], 0.5);
        const ws = percentile(variant.ttft.WS, 0.5);
        const { '/v1': v1Cpu, WS: wsCpu } = variant.cpu;
        return `| ${variant.name} | ${ms(direct)} | ${ms(v1)} | ${ms(ws)} | +${ms(v1 - direct)}, +${ms(ws - direct)} | ${us(v1Cpu.main)} / ${us(v1Cpu.all)} | ${us(wsCpu.main)} / ${us(wsCpu.all)} | ${variant.failed} |`;
      }),
      '',
    ].join('\n'));
  } finally {
    for (const variant of variants) variant.socket.close();
    for (const server of servers) server.stop();
    double.child.kill('SIGTERM');
  }
}

await main();
