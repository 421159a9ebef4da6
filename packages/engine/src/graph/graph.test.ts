import { describe, expect, it } from 'vitest';
import { buildGraph } from '../test-support/build-graph.js';
import { assignLoopOwners } from './assign-loop-owners.js';
import { detectCycles } from './detect-cycles.js';
import { findStartBlocks } from './find-start-blocks.js';
import { reachableFrom } from './reachable-from.js';

const ids = (workflow: ReturnType<typeof buildGraph>) => workflow.blocks.map((block) => block.id);

describe('findStartBlocks', () => {
  it('finds every block without an incoming connection', () => {
    //  a ──▶ c ◀── b      d (alone)
    const graph = buildGraph(['a -> c', 'b -> c'], {}, ['d']);
    expect(findStartBlocks(graph.blocks, graph.connections).map((block) => block.id).sort()).toEqual(['a', 'b', 'd']);
  });

  it('finds none when every block is inside a cycle', () => {
    //  a ──▶ b
    //  ▲     │
    //  └─────┘
    const graph = buildGraph(['a -> b', 'b -> a']);
    expect(findStartBlocks(graph.blocks, graph.connections)).toEqual([]);
  });
});

describe('detectCycles', () => {
  it('returns no cycle for a diamond', () => {
    //      ┌──▶ b ──┐
    //  a ──┤        ├──▶ d
    //      └──▶ c ──┘
    const graph = buildGraph(['a -> b', 'a -> c', 'b -> d', 'c -> d']);
    expect(detectCycles(ids(graph), graph.connections)).toEqual([]);
  });

  it('names the blocks of each cycle and only them', () => {
    //  s ──▶ a ──▶ b ──▶ c ──▶ out
    //        ▲           │
    //        └───────────┘        x ──▶ x (self)
    const graph = buildGraph(['s -> a', 'a -> b', 'b -> c', 'c -> a', 'c -> out', 'x -> x']);
    const cycles = detectCycles(ids(graph), graph.connections).map((cycle) => [...cycle].sort());
    expect(cycles).toHaveLength(2);
    expect(cycles).toContainEqual(['a', 'b', 'c']);
    expect(cycles).toContainEqual(['x']);
  });

  it('handles a 10,000-block chain without overflowing the stack', () => {
    //  b0 ──▶ b1 ──▶ … ──▶ b9999 ──▶ b0
    const edges = Array.from({ length: 10_000 }, (_, index) => `b${index} -> b${(index + 1) % 10_000}`);
    const graph = buildGraph(edges);
    const cycles = detectCycles(ids(graph), graph.connections);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(10_000);
  });
});

describe('reachableFrom', () => {
  it('follows only the chosen output port, then everything downstream', () => {
    //  cond ─true─▶ yes ──▶ after
    //    └──false─▶ no
    const graph = buildGraph(['cond -true-> yes', 'yes -> after', 'cond -false-> no']);
    expect([...reachableFrom('cond', 'true', graph.connections)].sort()).toEqual(['after', 'yes']);
    expect([...reachableFrom('cond', 'false', graph.connections)]).toEqual(['no']);
  });
});

describe('assignLoopOwners', () => {
  it('gives each body block to its innermost loop and leaves the rest at the top level', () => {
    //  start ──▶ outer ─body─▶ fetch ──▶ inner ─body─▶ step
    //              │                       └─done─▶ collect
    //              └─done─▶ report
    const graph = buildGraph(
      ['start -> outer', 'outer -body-> fetch', 'fetch -> inner', 'inner -body-> step', 'inner -done-> collect', 'outer -done-> report'],
      { outer: 'loop', inner: 'loop' },
    );
    const { ownerOf, bodyOf } = assignLoopOwners(graph.blocks, graph.connections);
    expect(Object.fromEntries(ownerOf)).toEqual({ fetch: 'outer', inner: 'outer', collect: 'outer', step: 'inner' });
    expect([...bodyOf.get('outer')!].sort()).toEqual(['collect', 'fetch', 'inner', 'step']);
    expect(ownerOf.has('report')).toBe(false);
  });
});
