import { describe, expect, it } from 'vitest';
import { createEngine } from '../run/create-engine.js';
import { buildGraph } from '../test-support/build-graph.js';
import { createInMemoryPorts } from '../test-support/in-memory-ports.js';

describe('delay', () => {
  it('sleeps through the port for a templated duration', async () => {
    //  start ──▶ wait
    const workflow = buildGraph(['start -> wait']);
    Object.assign(workflow.blocks[1]!, { type: 'delay', config: { durationMs: '{{input.ms}}' } });
    const { ports, calls } = createInMemoryPorts({ sleepMode: 'instant' });
    const engine = createEngine({ ports });
    expect(engine.validate(workflow)).toEqual([]);
    const result = await engine.run(workflow, { userId: 'u', input: { ms: 1_500 } });
    expect(result.blocks['wait']!.output).toEqual({ delayedMs: 1_500 });
    expect(calls.sleep.some((sleep) => sleep.ms === 1_500)).toBe(true);
    const bad = await engine.run(workflow, { userId: 'u', input: { ms: 'soon' } });
    expect(bad.blocks['wait']).toMatchObject({ status: 'failed', error: { code: 'INVALID_CONFIG', message: 'durationMs must be a number from 0 to 86400000, got "soon".' } });
  });
});
