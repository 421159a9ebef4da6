import { describe, expect, it } from 'vitest';
import { buildGraph } from '../test-support/build-graph.js';
import { createInMemoryPorts } from '../test-support/in-memory-ports.js';
import type { BlockRecord, RunResult } from './run-types.js';
import { createEngine } from './create-engine.js';

describe('lifecycle hooks', () => {
  it('report every loop iteration, skipped blocks, and the run end with timings', async () => {
    //  start ──▶ each ─body─▶ square
    //             └─done──▶ check ─true─▶ big
    //                         └─false─▶ small
    const workflow = buildGraph(['start -> each', 'each -body-> square', 'each -done-> check', 'check -true-> big', 'check -false-> small'], { each: 'loop', check: 'condition' });
    Object.assign(workflow.blocks.find((block) => block.id === 'each')!.config, { items: '{{input}}' });
    Object.assign(workflow.blocks.find((block) => block.id === 'square')!.config, { expression: 'item * item' });
    Object.assign(workflow.blocks.find((block) => block.id === 'check')!.config, { expression: '$sum(each.results) > 10' });
    const starts: BlockRecord[] = [];
    const ends: BlockRecord[] = [];
    let ended: RunResult | undefined;
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(workflow, {
      userId: 'u',
      input: [1, 2, 3],
      hooks: { onBlockStart: (record) => void starts.push(record), onBlockEnd: (record) => void ends.push(record), onRunEnd: (run) => void (ended = run) },
    });
    expect(ended).toBe(result);
    const squares = ends.filter((record) => record.blockId === 'square');
    expect(squares.map((record) => [record.iteration, record.output])).toEqual([
      [[0], 1],
      [[1], 4],
      [[2], 9],
    ]);
    expect(starts.every((record) => record.status === 'running')).toBe(true);
    expect(ends.find((record) => record.blockId === 'small')).toMatchObject({ status: 'skipped', skipReason: 'branch not taken', startedAt: undefined });
    const big = result.blocks['big']!;
    expect(big.status).toBe('completed');
    expect(big.endedAt! >= big.startedAt!).toBe(true);
    expect(result.durationMs).toBe(result.endedAt - result.startedAt);
  });

  it('keeps running when a block hook throws', async () => {
    const result = await createEngine({ ports: createInMemoryPorts().ports }).run(buildGraph(['a -> b']), {
      userId: 'u',
      hooks: {
        onBlockEnd: () => {
          throw new Error('storage down');
        },
      },
    });
    expect(result.status).toBe('completed');
  });
});
