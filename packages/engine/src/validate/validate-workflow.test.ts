import { describe, expect, it } from 'vitest';
import { builtInBlocks } from '../blocks/built-in-blocks.js';
import { buildGraph } from '../test-support/build-graph.js';
import type { Workflow } from '../workflow.schema.js';
import { validateWorkflow } from './validate-workflow.js';

const options = { knownBlockTypes: builtInBlocks, maxBlocks: 1_000 };
const codes = (workflow: unknown) => validateWorkflow(workflow, options).map((issue) => issue.code);

describe('validateWorkflow', () => {
  it('accepts a valid workflow', () => {
    //  start ──▶ double ──▶ result
    const workflow = buildGraph(['start -> double', 'double -> result']);
    expect(validateWorkflow(workflow, options)).toEqual([]);
  });

  it('refuses 10,000 blocks before looking at any of them', () => {
    const blocks = Array.from({ length: 10_000 }, () => ({ not: 'even a block' }));
    const issues = validateWorkflow({ blocks, connections: [] }, options);
    expect(issues).toEqual([{ code: 'TOO_MANY_BLOCKS', message: 'The workflow has 10000 blocks; at most 1000 are allowed.', blockIds: [] }]);
  });

  it('reports shape errors with the block id', () => {
    const issues = validateWorkflow({ blocks: [{ id: 'b1', type: 'transform', name: 'X', config: {} }] }, options);
    expect(issues[0]).toMatchObject({ code: 'INVALID_SHAPE', blockIds: ['b1'], path: 'blocks.0.normalizedId' });
  });

  it('names unknown block types and dangling connections', () => {
    //  a ──▶ b ──▶ ghost (missing)
    const workflow = buildGraph(['a -> b'], { b: 'teleport' });
    workflow.connections.push({ id: 'to-ghost', sourceBlockId: 'b', targetBlockId: 'ghost' });
    const issues = validateWorkflow(workflow, options);
    expect(issues).toContainEqual({ code: 'UNKNOWN_BLOCK_TYPE', message: 'Block "b" has the unknown type "teleport".', blockIds: ['b'] });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'DANGLING_CONNECTION', blockIds: ['ghost'], connectionId: 'to-ghost' }));
  });

  it('names the blocks of a cycle', () => {
    //  start ──▶ a ──▶ b
    //            ▲     │
    //            └─────┘
    const workflow = buildGraph(['start -> a', 'a -> b', 'b -> a']);
    const cycle = validateWorkflow(workflow, options).find((issue) => issue.code === 'CYCLE')!;
    expect([...cycle.blockIds].sort()).toEqual(['a', 'b']);
    expect(cycle.message).toMatch(/^These blocks form a cycle: (a → b → a|b → a → b)\.$/);
  });

  it('reports templates that refer to no block, variable or input', () => {
    //  start ──▶ result   (result reads {{summary.text}}, no such block)
    const workflow = buildGraph(['start -> result'], { result: 'output' });
    workflow.blocks[1]!.config = { value: '{{summary.text}} for {{input.name}} at {{start}}' };
    const issues = validateWorkflow(workflow, options);
    expect(issues).toEqual([{ code: 'UNKNOWN_TEMPLATE_REFERENCE', message: 'Block "result" uses {{summary.text}}, which refers to no block, variable or input.', blockIds: ['result'] }]);
  });

  it('accepts templates over variables and a loop body item', () => {
    const workflow = buildGraph(['start -> result'], { result: 'output' });
    workflow.variables.push({ name: 'greeting', type: 'string', defaultValue: 'hi' });
    workflow.blocks[1]!.config = { value: '{{greeting}} {{variables.greeting}} {{item.name}} {{index}}' };
    expect(codes(workflow)).toEqual([]);
  });

  it('reports missing required config and bad expressions', () => {
    const workflow: Workflow = buildGraph(['start -> cond', 'cond -true-> send'], { cond: 'condition', send: 'code_block' });
    workflow.blocks[0]!.config = { expression: '1 +' };
    workflow.blocks[1]!.config = {};
    workflow.blocks[2]!.config = {};
    const issues = validateWorkflow(workflow, options);
    expect(issues.map((issue) => [issue.blockIds[0], issue.code])).toEqual([
      ['start', 'INVALID_CONFIG'],
      ['cond', 'INVALID_CONFIG'],
      ['send', 'INVALID_CONFIG'],
    ]);
    expect(issues[2]!.message).toBe('Block "send": toolName is required.');
  });

  it('refuses a connection into a loop body from outside the loop', () => {
    //  start ──▶ each ─body─▶ step
    //    └──────────────────────▲   (start feeds step directly)
    const workflow = buildGraph(['start -> each', 'each -body-> step', 'start -> step'], { each: 'loop' });
    workflow.blocks.find((block) => block.id === 'each')!.config = { items: '{{input}}' };
    expect(codes(workflow)).toEqual(['LOOP_BODY_ENTERED_FROM_OUTSIDE']);
  });

  it('refuses duplicate ids', () => {
    const workflow = buildGraph(['a -> b']);
    workflow.blocks[1]!.id = 'a';
    workflow.connections = [];
    expect(codes(workflow)).toContain('DUPLICATE_BLOCK_ID');
  });

  it('refuses a connection from an output port the block type does not have', () => {
    //  start ──▶ cond ─output─▶ next     (a condition fires true/false, never output)
    const workflow = buildGraph(['start -> cond', 'cond -> next', 'cond -maybe-> other'], { cond: 'condition' });
    workflow.blocks.find((block) => block.id === 'cond')!.config = { expression: 'input.ok' };
    const issues = validateWorkflow(workflow, options).filter((issue) => issue.code === 'UNKNOWN_OUTPUT_PORT');
    expect(issues.map((issue) => issue.connectionId)).toEqual(['cond->next', 'cond->other']);
    expect(issues[0]!.message).toBe('Connection "cond->next" leaves "cond" from output "output", which a condition block does not have (it has: true, false, error).');
  });

  it('refuses a config nested absurdly deep instead of overflowing the stack', () => {
    const workflow = buildGraph([], { only: 'output' }, ['only']);
    let value: Record<string, unknown> = { leaf: '{{input}}' };
    for (let depth = 0; depth < 50_000; depth += 1) value = { next: value };
    workflow.blocks[0]!.config = { value };
    expect(validateWorkflow(workflow, options)).toEqual([{ code: 'INVALID_CONFIG', message: 'Block "only": config is nested deeper than 64 levels.', blockIds: ['only'] }]);
  });
});

