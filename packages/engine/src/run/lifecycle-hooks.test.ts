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

  it('reports skipped blocks inside loop bodies: a branch not taken in an iteration, and the body of a loop that did not run', async () => {
    //  start ──▶ gate ─true─▶ outer ─body─▶ pick ─true─▶ keep
    //             │                          └─false─▶ drop
    //             │                   outer ─body─▶ inner ─body─▶ deep
    //             └─false─▶ other
    const workflow = buildGraph(
      ['start -> gate', 'gate -true-> outer', 'gate -false-> other', 'outer -body-> pick', 'pick -true-> keep', 'pick -false-> drop', 'outer -body-> inner', 'inner -body-> deep'],
      { gate: 'condition', outer: 'loop', pick: 'condition', inner: 'loop' },
    );
    const configs: Record<string, Record<string, unknown>> = {
      gate: { expression: 'input.go' }, outer: { items: '{{input.items}}' }, pick: { expression: 'item > 1' }, inner: { items: '{{input.inner}}' },
    };
    for (const block of workflow.blocks) Object.assign(block.config, configs[block.id] ?? {});
    const engine = createEngine({ ports: createInMemoryPorts().ports });
    const endsOf = async (input: unknown) => {
      const ends: BlockRecord[] = [];
      const result = await engine.run(workflow, { userId: 'u', input, hooks: { onBlockEnd: (record) => void ends.push(record) } });
      return { result, ends: ends.map((record) => [record.blockId, record.status, record.iteration]) };
    };

    // The loop runs over [1, 2]: iteration 0 skips `keep`, iteration 1 skips `drop`; `inner` loops over nothing.
    const ran = await endsOf({ go: true, items: [1, 2], inner: [] });
    expect(ran.result.status).toBe('completed');
    expect(ran.ends).toEqual(expect.arrayContaining([['keep', 'skipped', [0]], ['drop', 'completed', [0]], ['keep', 'completed', [1]], ['drop', 'skipped', [1]], ['other', 'skipped', []]]));
    // `deep` never ran (its loop had no items): reported once, as not reached.
    expect(ran.ends.filter(([id]) => id === 'deep')).toEqual([['deep', 'skipped', []]]);

    // The gate says no: the loop is skipped, and so is every block of its body, nested ones included.
    const gated = await endsOf({ go: false, items: [1, 2], inner: [1] });
    const skipped = gated.ends.filter(([, status]) => status === 'skipped').map(([id]) => id);
    expect(skipped.sort()).toEqual(['deep', 'drop', 'inner', 'keep', 'outer', 'pick']);
    expect(gated.ends.filter(([id]) => id === 'pick')).toHaveLength(1);
    expect(gated.result.blocks['deep']).toMatchObject({ status: 'skipped', skipReason: 'loop "outer" did not run' });
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
