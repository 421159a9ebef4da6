/**
 * Micro-benchmark of the engine's own overhead on the smallest useful workflow, `variable → transform → output`
 * (the shape of the server's workflow-throughput benchmark). Ports are no-ops: no I/O is measured.
 * Run: npx tsx packages/engine/bench/run-simple.ts
 */
import { createEngine, systemClock, workflowSchema, type EnginePorts } from '../src/index.js';

const unused = () => {
  throw new Error('not used by this workflow');
};
const ports: EnginePorts = {
  ...systemClock,
  llm: { complete: unused },
  tools: { list: async () => [], run: unused },
  http: { request: unused },
  sandbox: { run: unused },
  runAgent: unused,
  signWebhook: unused,
};

const workflow = workflowSchema.parse({
  blocks: [
    { id: 'b1', normalizedId: 'start', type: 'variable', name: 'Start', config: { operation: 'read', variableName: 'input', inputType: 'json' } },
    { id: 'b2', normalizedId: 'add-one', type: 'transform', name: 'Add one', config: { expression: 'input.n + 1' } },
    { id: 'b3', normalizedId: 'result', type: 'output', name: 'Result', config: { value: '{{add-one}}' } },
  ],
  connections: [
    { id: 'c1', sourceBlockId: 'b1', targetBlockId: 'b2' },
    { id: 'c2', sourceBlockId: 'b2', targetBlockId: 'b3' },
  ],
});

const engine = createEngine({ ports });
const hooks = { onBlockEnd: () => undefined };

async function measure(label: string, runs: number, prepareEachTime: boolean): Promise<void> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let index = 0; index < runs; index += 1) {
    const target = prepareEachTime ? structuredClone(workflow) : workflow;
    const result = await engine.run(target, { userId: 'bench', input: { n: index }, hooks });
    if (result.output['Result'] !== index + 1) throw new Error(`wrong result ${JSON.stringify(result.output)}`);
  }
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const perRunUs = (elapsedMs * 1_000) / runs;
  const cpuPerRunUs = (cpu.user + cpu.system) / runs;
  console.log(
    `${label}: ${runs} runs in ${elapsedMs.toFixed(0)} ms → ${perRunUs.toFixed(1)} µs/run wall, ${cpuPerRunUs.toFixed(1)} µs/run CPU, ${Math.round(runs / (elapsedMs / 1_000)).toLocaleString('en')} runs/s`,
  );
}

await measure('warm-up', 20_000, false);
await measure('prepared workflow (cached compile)', 100_000, false);
await measure('fresh workflow object each run (validate + compile, expression cache)', 20_000, true);
