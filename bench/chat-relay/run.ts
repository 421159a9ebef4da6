// bench/chat-relay: the same local OpenAI double streams 500 tokens; time to first token and total time are
// measured talking to it directly and through ClaraVerse (WS /ws/chat and /v1/chat/completions) at several
// concurrency levels, with the server's peak RSS. Client, double and server are separate processes on this
// machine; only loopback is used. Usage: npm run bench -- chat-relay [--quick]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type WebSocket from 'ws';
import { openChatSocket, streamOpenAi, streamOverSocket, type StreamTiming } from './clients.js';
import { cpuMs, percentile, root, rssMb, setUpServer, startDouble, startServer } from './processes.js';

const isQuick = process.argv.includes('--quick');
// BENCH_LEVELS=1,200 picks other concurrency levels; BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
// passes flags to the server's node (profiling).
const levels = process.env.BENCH_LEVELS ? process.env.BENCH_LEVELS.split(',').map(Number) : isQuick ? [1, 20] : [1, 100, 200, 500];
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
// BENCH_SERVER_ENTRY=<path>/apps/server/dist/main.js runs another build of the server (default: this checkout's).
const serverEntry = process.env.BENCH_SERVER_ENTRY;
// At 1 stream each path first serves untimed streams (the server's code is compiled by then, as in a server that
// has been up for a minute), then the paths take turns in rounds of back-to-back streams, so the machine's noise
// falls on all alike while each path is measured as one client's consecutive chats (not right after a second of
// idling while another path ran).
const singleStreamRounds = Number(process.env.BENCH_SINGLE_ROUNDS ?? (isQuick ? 1 : 6));
const singleStreamsPerRound = isQuick ? 5 : 10;
const singleStreamWarmUps = isQuick ? 2 : 10;
// Two turns, so the server does not spend a second request on a title (that is measured separately, not here).
const messages = [{ role: 'user', content: 'Hello' }, { role: 'assistant', content: 'Hi!' }, { role: 'user', content: 'Write 500 words.' }];

interface Row { mode: string; streams: number; ttftP50: number; ttftP99: number; totalP50: number; totalP99: number; failed: number; peakRssMb: number; serverCpuMsPerStream: number }

type Run = () => Promise<StreamTiming>;

function summarise(mode: string, streams: number, timings: StreamTiming[], peakRssMb: number, serverCpuMs: number): Row {
  const ok = timings.filter((timing) => timing.ok);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    mode, streams, failed: timings.length - ok.length, peakRssMb: Math.round(peakRssMb), serverCpuMsPerStream: Math.round(serverCpuMs / timings.length),
    ttftP50: round(percentile(ok.map((timing) => timing.ttftMs), 0.5)), ttftP99: round(percentile(ok.map((timing) => timing.ttftMs), 0.99)),
    totalP50: round(percentile(ok.map((timing) => timing.totalMs), 0.5)), totalP99: round(percentile(ok.map((timing) => timing.totalMs), 0.99)),
  };
}

/** Runs `work` while sampling the server's RSS every 50 ms; returns its result, the peak RSS and the CPU it used. */
async function sampled<T>(serverPid: number, work: () => Promise<T>): Promise<{ result: T; peakRssMb: number; cpuMs: number }> {
  let peak = rssMb(serverPid);
  const cpuBefore = cpuMs(serverPid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(serverPid))), 50);
  const result = await work();
  clearInterval(sampler);
  return { result, peakRssMb: Math.max(peak, rssMb(serverPid)), cpuMs: cpuMs(serverPid) - cpuBefore };
}

/** `streams` concurrent streams on one path, with the server's peak RSS and CPU. */
async function measureConcurrent(mode: string, streams: number, serverPid: number, run: Run): Promise<Row> {
  const { result: timings, peakRssMb, cpuMs: cpu } = await sampled(serverPid, () => Promise.all(Array.from({ length: streams }, run)));
  return summarise(mode, streams, timings, peakRssMb, cpu);
}

/** One stream at a time: every path warmed up, then the paths in turn, `singleStreamsPerRound` streams each, per round. */
async function measureSingle(paths: Array<{ mode: string; run: Run }>, serverPid: number): Promise<Row[]> {
  for (const path of paths) for (let index = 0; index < singleStreamWarmUps; index += 1) await path.run();
  const results = paths.map(() => ({ timings: [] as StreamTiming[], peak: 0, cpu: 0 }));
  for (let round = 0; round < singleStreamRounds; round += 1) {
    for (const [index, path] of paths.entries()) {
      const total = results[index]!;
      const { peakRssMb, cpuMs: cpu } = await sampled(serverPid, async () => {
        for (let stream = 0; stream < singleStreamsPerRound; stream += 1) total.timings.push(await path.run());
      });
      total.peak = Math.max(total.peak, peakRssMb);
      total.cpu += cpu;
    }
  }
  return paths.map((path, index) => summarise(path.mode, 1, results[index]!.timings, results[index]!.peak, results[index]!.cpu));
}

async function main() {
  const double = await startDouble(500, 2);
  const doubleUrl = double.url;
  const server = await startServer({ nodeArgs: serverNodeArgs, ...(serverEntry ? { entry: serverEntry } : {}) }).catch((error: unknown) => {
    double.child.kill('SIGTERM');
    throw error;
  });
  try {
    const { url: serverUrl, port } = server;
    const setup = await setUpServer(serverUrl, doubleUrl);
    const rows: Row[] = [];
    const direct: Run = () => streamOpenAi(doubleUrl, 'bench-key', 'bench-model', messages);
    const viaV1: Run = () => streamOpenAi(`${serverUrl}/v1`, setup.apiKey, 'bench-model', messages);
    for (const streams of levels) {
      const sockets: WebSocket[] = await Promise.all(Array.from({ length: streams }, () => openChatSocket(`ws://127.0.0.1:${port}/ws/chat`, setup.accessToken)));
      let next = 0;
      const viaSocket: Run = () => streamOverSocket(sockets[next++ % sockets.length] as WebSocket, setup.modelId, messages);
      if (streams === 1) {
        rows.push(...(await measureSingle([{ mode: 'direct', run: direct }, { mode: '/v1/chat/completions', run: viaV1 }, { mode: 'WS /ws/chat', run: viaSocket }], server.pid)));
      } else {
        rows.push(await measureConcurrent('direct', streams, server.pid, direct));
        rows.push(await measureConcurrent('/v1/chat/completions', streams, server.pid, viaV1));
        rows.push(await measureConcurrent('WS /ws/chat', streams, server.pid, viaSocket));
      }
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
    server.stop();
    double.child.kill('SIGTERM');
  }
}

await main();
